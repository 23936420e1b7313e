import bcrypt from "bcryptjs";

// bcrypt (pure JavaScript, nothing to download); cost 11 ≈ 100 ms per check here.
const COST = Number(process.env.BCRYPT_COST ?? 11);

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_BYTES = 72; // bcrypt ignores bytes past 72

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
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
  dummyHash ??= bcrypt.hash("not-a-real-password", COST);
  await bcrypt.compare(password, await dummyHash);
  return false;
}
