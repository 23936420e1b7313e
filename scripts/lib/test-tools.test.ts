import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain Node module of the scripts, without types.
import { ensureTestTools, missingPackages } from "./test-tools.mjs";

const NOTHING = { PATH: "/nonexistent", CHROMIUM_PATH: "/nonexistent/chromium" };

describe("what npm test needs besides npm packages", () => {
  it("names the Debian packages of a missing browser and missing poppler tools", () => {
    expect(missingPackages(NOTHING, null)).toEqual(["chromium", "poppler-utils"]);
    expect(missingPackages({ ...process.env, CHROMIUM_PATH: "/nonexistent/chromium" }, null)).toEqual(["chromium"]);
    expect(missingPackages(process.env, null)).toEqual([]);
  });

  it("stops with one line saying what to install when it cannot install it, and runs nothing", () => {
    const line = ensureTestTools(NOTHING, null, { root: false }) as string;
    expect(line).toBe("npm test needs chromium and poppler-utils (Debian: apt-get install chromium poppler-utils); install them and run npm test again.");
    expect(line.split("\n")).toHaveLength(1);
    // Root, but no apt-get on the path: the same one line.
    expect(ensureTestTools(NOTHING, null, { root: true })).toMatch(/^npm test needs chromium and poppler-utils/);
  });

  it("has nothing to say when everything is there", () => {
    expect(ensureTestTools(process.env, null, { root: false })).toBeNull();
  });
});
