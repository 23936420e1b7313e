import { db } from "@/lib/db";

/**
 * Attempts counted per key over a sliding window in the database, so that every app instance
 * sees the same counts (requests that send e-mail: a reset, a fresh link, a signing code).
 * Returns the minutes to wait when `limit` attempts are already in the window, else records
 * this attempt and returns 0.
 */
export async function takeShared(key: string, limit: number, windowMs: number, now = new Date()): Promise<number> {
  const recent = await db.signInFailure.findMany({
    where: { key, createdAt: { gt: new Date(now.getTime() - windowMs) } },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { createdAt: true },
  });
  if (recent.length >= limit) {
    const oldest = recent[recent.length - 1]!.createdAt.getTime();
    return Math.max(1, Math.ceil((oldest + windowMs - now.getTime()) / 60_000));
  }
  await db.signInFailure.create({ data: { key, createdAt: now } });
  return 0;
}
