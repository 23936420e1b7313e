import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ADDRESS_WINDOW_MS, PAIR_WINDOW_MS, signInBlockedFor } from "@/lib/auth/sign-in-limits";
import { db } from "@/lib/db";
import { useTestDatabase } from "@/lib/testing/test-db";
import { COUNTER_MAX_AGE_MS, pruneCounters } from "./prune-counters";

useTestDatabase();

describe("pruneCounters", () => {
  it("keeps every attempt a limit still counts, and deletes the older ones", async () => {
    const key = `prune-test:${randomUUID()}`;
    const now = new Date();
    const ago = (ms: number) => new Date(now.getTime() - ms);
    await db.signInFailure.createMany({
      data: [ago(COUNTER_MAX_AGE_MS + 60_000), ago(COUNTER_MAX_AGE_MS + 3_600_000), ago(COUNTER_MAX_AGE_MS - 60_000), ago(60_000)].map((createdAt) => ({ key, createdAt })),
    });
    expect(await pruneCounters(now)).toBeGreaterThanOrEqual(2);
    const left = await db.signInFailure.findMany({ where: { key }, orderBy: { createdAt: "asc" } });
    expect(left.map((r) => r.createdAt)).toEqual([ago(COUNTER_MAX_AGE_MS - 60_000), ago(60_000)]);
  });

  it("keeps as long as the longest window", () => {
    expect(COUNTER_MAX_AGE_MS).toBeGreaterThanOrEqual(PAIR_WINDOW_MS);
    expect(COUNTER_MAX_AGE_MS).toBeGreaterThanOrEqual(ADDRESS_WINDOW_MS);
    expect(COUNTER_MAX_AGE_MS).toBeGreaterThanOrEqual(60 * 60 * 1000);
  });

  it("does not lift a pair's wait that is still running", async () => {
    const email = `prune-${randomUUID()}@test.example`;
    const ip = `192.0.2.${randomUUID()}`;
    const key = `pair:${JSON.stringify([email, ip])}`;
    await db.signInFailure.createMany({ data: Array.from({ length: 5 }, () => ({ key, createdAt: new Date(Date.now() - 30_000) })) });
    await pruneCounters();
    expect(await signInBlockedFor(email, ip)).toBeGreaterThan(0);
  });
});
