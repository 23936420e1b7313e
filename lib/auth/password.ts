import bcrypt from "bcryptjs";

// bcrypt (pure JavaScript, nothing to download); cost 11 ≈ 100 ms per check here.
const COST = Number(process.env.BCRYPT_COST ?? 11);

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_BYTES = 72; // bcrypt ignores bytes past 72

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function checkPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// Compared against when the account does not exist, so that timing does not reveal it.
const DUMMY_HASH = bcrypt.hashSync("not-a-real-password", 4);
export function burnPasswordCheck(password: string): Promise<boolean> {
  return bcrypt.compare(password, DUMMY_HASH);
}
