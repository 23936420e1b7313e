import { describe, expect, it } from "vitest";
import { slidingWindowLimiter } from "./sliding-window";

describe("slidingWindowLimiter", () => {
  it("allows `limit` attempts per window and key, then says how long to wait", () => {
    const limiter = slidingWindowLimiter({ limit: 3, windowMs: 60_000 });
    expect([1_000, 1_000, 1_000].map((at) => limiter.take("a", at))).toEqual([0, 0, 0]);
    expect(limiter.take("a", 2_000)).toBe(59);
    expect(limiter.take("b", 2_000)).toBe(0);
    // The three attempts leave the window together: three more are allowed, not four.
    expect([61_001, 61_001, 61_001].map((at) => limiter.take("a", at))).toEqual([0, 0, 0]);
    expect(limiter.take("a", 61_002)).toBeGreaterThan(0);
  });

  it("keeps at most maxKeys keys, forgetting the least recently used", () => {
    const limiter = slidingWindowLimiter({ limit: 1, windowMs: 60_000, maxKeys: 2 });
    limiter.take("a", 0);
    limiter.take("b", 0);
    limiter.take("c", 0);
    // "a" was forgotten, so it starts afresh; "c" is still counted.
    expect(limiter.take("a", 1)).toBe(0);
    expect(limiter.take("c", 1)).toBeGreaterThan(0);
  });
});
