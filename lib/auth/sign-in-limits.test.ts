import { describe, expect, it } from "vitest";
import { FIRST_PAIR_DELAY_MS, MAX_FAILURES_PER_PAIR, MAX_PAIR_DELAY_MS, PAIR_WINDOW_MS, pairDelayMs } from "./sign-in-limits";

// The database side (what is counted, cleared and when) is in verify-credentials.test.ts.

const MINUTE = 60_000;

describe("how long an (account, address) pair waits", () => {
  it("waits from its 5th failure: 1 minute, then twice as long after each further one, at most an hour", () => {
    expect([MAX_FAILURES_PER_PAIR, FIRST_PAIR_DELAY_MS, MAX_PAIR_DELAY_MS]).toEqual([5, MINUTE, 60 * MINUTE]);
    const failures = [0, 1, 4, 5, 6, 7, 8, 9, 10, 11, 12, 100, 5000];
    expect(failures.map((n) => pairDelayMs(n) / MINUTE)).toEqual([0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60, 60, 60]);
  });

  it("remembers failures long enough that guessing once an hour stays at the longest wait", () => {
    // At the longest wait a pair fails at most once per wait: the window must hold enough of them.
    const failuresInWindow = Math.floor(PAIR_WINDOW_MS / MAX_PAIR_DELAY_MS);
    expect(pairDelayMs(failuresInWindow)).toBe(MAX_PAIR_DELAY_MS);
  });
});
