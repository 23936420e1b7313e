import { PAIR_WINDOW_MS } from "@/lib/auth/sign-in-limits";
import { db } from "@/lib/db";

/**
 * The oldest attempt any limit still looks at: a sign-in pair's failures count for a day; every
 * other window (an address's failures, resets, fresh links, signing codes) is shorter.
 */
export const COUNTER_MAX_AGE_MS = PAIR_WINDOW_MS;

/** Deletes counted attempts no limit looks at any more; run by the background jobs. */
export async function pruneCounters(now = new Date()): Promise<number> {
  const { count } = await db.signInFailure.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - COUNTER_MAX_AGE_MS) } } });
  return count;
}
