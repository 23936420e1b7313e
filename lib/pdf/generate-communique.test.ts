import { describe, expect, it } from "vitest";
import { seedCommuniqueContent } from "@/lib/communique/seed-content";
import { generateCommunique } from "./generate-communique";

describe("generateCommunique", () => {
  const seed = seedCommuniqueContent();

  it("makes N numbered clauses between the seed's front matter and its closing", () => {
    const doc = generateCommunique(seed, 25);
    const clauses = doc.blocks.filter((b) => b.kind === "clause");
    expect(clauses.map((c) => c.kind === "clause" && c.number)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(doc.blocks[0]!.kind).toBe("title");
    expect(doc.blocks.slice(-2).map((b) => b.kind)).toEqual(["closing", "formula"]);
    expect(doc.signatories).toEqual(seed.signatories);
  });

  it("is deterministic, varied, and built only from the seed's own sentences", () => {
    const a = generateCommunique(seed, 40);
    expect(generateCommunique(seed, 40)).toEqual(a);
    const texts = a.blocks.flatMap((b) => (b.kind === "clause" ? [b.text.ru] : []));
    expect(new Set(texts).size).toBeGreaterThan(20);
    const source = seed.blocks.map((b) => (b.kind === "participants" ? "" : b.text.ru)).join(" ");
    for (const t of texts) for (const sentence of t.split(/(?<=\.)\s+(?=[А-ЯЁ«])/u)) expect(source).toContain(sentence);
  });
});
