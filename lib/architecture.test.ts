import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const doc = readFileSync(new URL("../docs/ARCHITECTURE.md", import.meta.url), "utf8");
const root = new URL("../", import.meta.url);

describe("docs/ARCHITECTURE.md", () => {
  // Paths in backticks: folders end with "/", files with an extension.
  const paths = [...doc.matchAll(/`((?:app|components|lib|prisma|e2e|docs|scripts|bench)\/[\w./<>{},-]*)`/g)].map((m) => m[1]!);

  it("names folders and files", () => {
    expect(paths.length).toBeGreaterThan(30);
  });

  it("names only folders and files that exist", () => {
    const concrete = paths.filter((p) => !/[<>{}]/.test(p));
    const missing = concrete.filter((p) => !existsSync(new URL(p, root)));
    expect(missing).toEqual([]);
  });
});
