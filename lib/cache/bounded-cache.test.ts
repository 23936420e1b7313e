import { describe, expect, it } from "vitest";
import { BoundedCache } from "./bounded-cache";

describe("BoundedCache", () => {
  it("forgets the least recently used entry when full, a read counting as a use", () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("a")).toBe(1); // "b" is now the least recent
    cache.set("c", 3);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(1);
    expect(cache.get("c")).toBe(3);
    expect(cache.count).toBe(2);
  });

  it("loads a missing value once, however many ask for it at the same time", async () => {
    const cache = new BoundedCache<string, { n: number }>(4);
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 5));
      return { n: loads };
    };
    const values = await Promise.all(Array.from({ length: 10 }, () => cache.through("k", load)));
    expect(loads).toBe(1);
    expect(new Set(values).size).toBe(1);
    expect(await cache.through("k", load)).toBe(values[0]);
    expect(loads).toBe(1);
  });

  it("keeps nothing when the load fails, so the next call tries again", async () => {
    const cache = new BoundedCache<string, number>(4);
    await expect(cache.through("k", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(cache.count).toBe(0);
    expect(await cache.through("k", async () => 7)).toBe(7);
  });

  it("refuses a size that could hold nothing", () => {
    expect(() => new BoundedCache(0)).toThrow(RangeError);
  });
});
