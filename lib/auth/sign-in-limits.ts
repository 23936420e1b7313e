import { db } from "@/lib/db";

/**
 * Failed sign-ins are counted per account and per address over a sliding window, in the
 * database so that every app instance shares the counts.
 */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

const accountKey = (email: string) => `account:${email}`;
const addressKey = (ip: string) => `address:${ip}`;

/** Minutes until the next attempt is allowed, or 0 when it is allowed now. */
export async function signInBlockedFor(email: string, ip: string, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const [account, address] = await Promise.all([
    failuresSince(accountKey(email), since),
    failuresSince(addressKey(ip), since),
  ]);
  const blockedUntil = [
    account.length >= MAX_FAILURES_PER_ACCOUNT ? account[account.length - MAX_FAILURES_PER_ACCOUNT] : undefined,
    address.length >= MAX_FAILURES_PER_ADDRESS ? address[address.length - MAX_FAILURES_PER_ADDRESS] : undefined,
  ]
    .filter((d): d is Date => d !== undefined)
    .map((d) => d.getTime() + SIGN_IN_WINDOW_MS);
  if (blockedUntil.length === 0) return 0;
  return Math.max(1, Math.ceil((Math.max(...blockedUntil) - now.getTime()) / 60_000));
}

async function failuresSince(key: string, since: Date): Promise<Date[]> {
  const rows = await db.signInFailure.findMany({
    where: { key, createdAt: { gte: since } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  return rows.map((r) => r.createdAt);
}

export async function recordSignInFailure(email: string, ip: string): Promise<void> {
  await db.signInFailure.createMany({ data: [{ key: accountKey(email) }, { key: addressKey(ip) }] });
}

export async function clearAccountFailures(email: string): Promise<void> {
  await db.signInFailure.deleteMany({ where: { key: accountKey(email) } });
}
