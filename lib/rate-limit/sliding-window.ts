/**
 * Counts events per key over a sliding window, in this process's memory. Kept small on
 * purpose: at most `maxKeys` keys (the oldest are forgotten first), so a flood of addresses
 * cannot grow it without bound. Each app instance counts its own requests.
 */
export interface SlidingWindowLimiter {
  /** Records an attempt; the seconds to wait when it is over the limit, else 0 (allowed). */
  take(key: string, now?: number): number;
}

export function slidingWindowLimiter(options: { limit: number; windowMs: number; maxKeys?: number }): SlidingWindowLimiter {
  const { limit, windowMs, maxKeys = 10_000 } = options;
  const attempts = new Map<string, number[]>();
  return {
    take(key, now = Date.now()) {
      const recent = (attempts.get(key) ?? []).filter((at) => at > now - windowMs);
      // Re-inserted at the end: the Map's order is then from least to most recently used.
      attempts.delete(key);
      if (recent.length >= limit) {
        attempts.set(key, recent);
        return Math.max(1, Math.ceil((recent[recent.length - limit]! + windowMs - now) / 1000));
      }
      recent.push(now);
      attempts.set(key, recent);
      while (attempts.size > maxKeys) attempts.delete(attempts.keys().next().value!);
      return 0;
    },
  };
}
