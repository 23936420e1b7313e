import { db } from "@/lib/db";

// Failed sign-ins are counted per (account, address) pair and per address, never per account
// alone: a limit on the account would let anyone who knows a head's e-mail lock them out on
// signing day. So failures only ever slow down the address that made them. The counts live in
// the database, so that every app instance shares them.

/** A pair with this many failures waits before its next attempt… */
export const MAX_FAILURES_PER_PAIR = 5;
/** …first this long after its last failure, twice as long after each further one… */
export const FIRST_PAIR_DELAY_MS = 60_000;
/** …up to this. */
export const MAX_PAIR_DELAY_MS = 60 * 60_000;
/**
 * How long a pair's failures count. Long enough that the longest delay holds: someone guessing
 * once an hour keeps more than enough failures in it to stay at the longest delay.
 */
export const PAIR_WINDOW_MS = 24 * 60 * 60_000;

/** An address with this many failures in the window, for any accounts, is refused for all. */
export const MAX_FAILURES_PER_ADDRESS = 20;
export const ADDRESS_WINDOW_MS = 15 * 60_000;

// JSON keeps the key unambiguous whatever the address string holds.
const pairKey = (email: string, ip: string) => `pair:${JSON.stringify([email, ip])}`;
const addressKey = (ip: string) => `address:${ip}`;

/** How long a pair waits after its last failure, given its failures in the window. */
export function pairDelayMs(failures: number): number {
  if (failures < MAX_FAILURES_PER_PAIR) return 0;
  return Math.min(MAX_PAIR_DELAY_MS, FIRST_PAIR_DELAY_MS * 2 ** (failures - MAX_FAILURES_PER_PAIR));
}

// Enough of a pair's newest failures to reach the longest delay; more would not lengthen it.
const PAIR_FAILURES_AT_MAX_DELAY =
  MAX_FAILURES_PER_PAIR + Math.ceil(Math.log2(MAX_PAIR_DELAY_MS / FIRST_PAIR_DELAY_MS));

/** Minutes until this account may be tried from this address again, or 0 when it may now. */
export async function signInBlockedFor(email: string, ip: string, now = new Date()): Promise<number> {
  const [pair, address] = await Promise.all([
    newestFailures(pairKey(email, ip), new Date(now.getTime() - PAIR_WINDOW_MS), PAIR_FAILURES_AT_MAX_DELAY),
    newestFailures(addressKey(ip), new Date(now.getTime() - ADDRESS_WINDOW_MS), MAX_FAILURES_PER_ADDRESS),
  ]);
  const pairUntil = pair[0] ? pair[0].getTime() + pairDelayMs(pair.length) : 0;
  // The address is free again once the oldest of its last MAX failures leaves the window.
  const oldestCounted = address[MAX_FAILURES_PER_ADDRESS - 1];
  const addressUntil = oldestCounted ? oldestCounted.getTime() + ADDRESS_WINDOW_MS : 0;
  const waitMs = Math.max(pairUntil, addressUntil) - now.getTime();
  return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 60_000)) : 0;
}

/** Up to `limit` failures under the key since `since`, newest first. */
async function newestFailures(key: string, since: Date, limit: number): Promise<Date[]> {
  const rows = await db.signInFailure.findMany({
    where: { key, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { createdAt: true },
  });
  return rows.map((r) => r.createdAt);
}

export async function recordSignInFailure(email: string, ip: string): Promise<void> {
  await db.signInFailure.createMany({ data: [{ key: pairKey(email, ip) }, { key: addressKey(ip) }] });
}

/** After a success from the address: its pair starts afresh (the address's own count stays). */
export async function clearPairFailures(email: string, ip: string): Promise<void> {
  await db.signInFailure.deleteMany({ where: { key: pairKey(email, ip) } });
}
