import bcrypt from "bcryptjs";
import { config } from "@/lib/config";

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_BYTES = 72; // bcrypt ignores bytes past 72

// bcrypt (pure JavaScript, nothing to download) at BCRYPT_COST; the default, 11, ≈ 100 ms per check here.
export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, config().bcryptCost);
}

/**
 * Whether the password is the account's. An account without one (invited, none chosen yet)
 * never matches, after the same work as one that has: the answer's timing tells nothing.
 */
export async function checkPassword(password: string, hash: string | null): Promise<boolean> {
  if (hash === null) return burnPasswordCheck(password);
  return bcrypt.compare(password, hash);
}

// What a check runs against when there is no hash to check, so that timing reveals neither an
// unknown account nor one without a password. Hashed at the cost of real ones, or the check
// would answer several times faster; made on first use, since at that cost it takes as long as
// a check, which every import of this module (each test file) would otherwise pay.
let dummyHash: Promise<string> | undefined;

/** A check as long as a real one that always fails. */
export async function burnPasswordCheck(password: string): Promise<false> {
  dummyHash ??= bcrypt.hash("not-a-real-password", config().bcryptCost);
  await bcrypt.compare(password, await dummyHash);
  return false;
}
