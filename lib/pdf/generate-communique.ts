import type { Bilingual, CommuniqueContent, TextBlock } from "@/lib/communique/content";

/**
 * A communiqué of `count` numbered clauses made by recombining the model's clauses
 * (whole, or sentence by sentence where both languages have the same number of
 * sentences), deterministically. Used for benchmarks and long-document tests.
 */
export function generateCommunique(model: CommuniqueContent, count: number, seed = 27): CommuniqueContent {
  const units = clauseUnits(model);
  if (units.length === 0) throw new Error("The model communiqué has no clauses to recombine");
  const random = mulberry32(seed);
  const clauses: TextBlock[] = [];
  for (let i = 0; i < count; i++) {
    const parts = 1 + Math.floor(random() * 3);
    const picked = Array.from({ length: parts }, () => units[Math.floor(random() * units.length)]!);
    clauses.push({
      id: `clause-${i + 1}`,
      kind: "clause",
      number: i + 1,
      text: { ru: picked.map((u) => u.ru).join(" "), ja: picked.map((u) => u.ja).join("") },
    });
  }
  const before = model.blocks.filter((b) => b.kind !== "clause" && b.kind !== "closing" && b.kind !== "formula");
  const after = model.blocks.filter((b) => b.kind === "closing" || b.kind === "formula");
  return { ...model, blocks: [...before, ...clauses, ...after] };
}

function clauseUnits(model: CommuniqueContent): Bilingual[] {
  const units: Bilingual[] = [];
  for (const block of model.blocks) {
    if (block.kind !== "clause") continue;
    const ru = sentencesRu(block.text.ru);
    const ja = sentencesJa(block.text.ja);
    if (ru.length === ja.length && ru.length > 1) ru.forEach((s, i) => units.push({ ru: s, ja: ja[i]! }));
    units.push(block.text);
  }
  return units;
}

const sentencesRu = (t: string) => t.split(/(?<=[.!?])\s+(?=[А-ЯЁ«])/u).filter(Boolean);
const sentencesJa = (t: string) => t.split(/(?<=。)/u).filter(Boolean);

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
