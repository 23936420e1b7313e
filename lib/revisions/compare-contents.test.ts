import { diffChars, diffWords } from "diff";
import { describe, expect, it } from "vitest";
import type { CommuniqueContent } from "@/lib/communique/content";
import { seedCommuniqueContent } from "@/lib/communique/seed-content";
import { compareContents } from "./compare-contents";

const seed = seedCommuniqueContent();
const clauseIds = seed.blocks.filter((b) => b.kind === "clause").map((b) => b.id);

function withClause(content: CommuniqueContent, id: string, text: { ru?: string; ja?: string }): CommuniqueContent {
  return {
    ...content,
    blocks: content.blocks.map((b) => (b.id === id && b.kind !== "participants" ? { ...b, text: { ...b.text, ...text } } : b)),
  };
}

describe("comparing two revisions", () => {
  it("reports identical contents as unchanged", () => {
    expect(compareContents(seed, seed).every((d) => d.status === "same")).toBe(true);
  });

  it("gives an unchanged block the pieces the word and character diff would give, without running it", () => {
    const asPieces = (changes: { value: string }[]) => changes.map((c) => ({ text: c.value, op: "same" }));
    const russianWords = new Intl.Segmenter("ru", { granularity: "word" });
    for (const d of compareContents(seed, seed)) {
      const block = seed.blocks.find((b) => b.id === d.id);
      if (!block || block.kind === "participants") continue; // the signing line and the list are built otherwise
      const prefix = block.number ? `${block.number}. ` : "";
      expect(d.ru).toEqual(asPieces(diffWords(prefix + block.text.ru, prefix + block.text.ru, { intlSegmenter: russianWords })));
      expect(d.ja).toEqual(asPieces(diffChars(prefix + block.text.ja, prefix + block.text.ja)));
    }
  });

  it("marks Russian changes word by word", () => {
    const id = clauseIds[0]!;
    const newer = withClause(seed, id, { ru: "Стороны высоко оценили результаты." });
    const older = withClause(seed, id, { ru: "Стороны отметили результаты." });
    const diff = compareContents(older, newer).find((d) => d.id === id)!;
    expect(diff.status).toBe("changed");
    const joined = (op: string) => diff.ru.filter((p) => p.op === op).map((p) => p.text).join("");
    expect(joined("removed")).toBe("отметили");
    expect(joined("added")).toBe("высоко оценили");
    // Whole words, never parts of one.
    expect(diff.ru.filter((p) => p.op !== "same").every((p) => !/^[а-я]+$/i.test(p.text) || ["отметили", "высоко", "оценили"].includes(p.text))).toBe(true);
    expect(diff.ru.map((p) => (p.op === "removed" ? "" : p.text)).join("")).toBe("Стороны высоко оценили результаты.");
  });

  it("marks Japanese changes character by character", () => {
    const id = clauseIds[1]!;
    const older = withClause(seed, id, { ja: "双方は評価した。" });
    const newer = withClause(seed, id, { ja: "双方は高く評価した。" });
    const diff = compareContents(older, newer).find((d) => d.id === id)!;
    expect(diff.ja.filter((p) => p.op === "added").map((p) => p.text)).toEqual(["高く"]);
    expect(diff.ja.filter((p) => p.op === "removed")).toEqual([]);
  });

  it("keeps a removed clause in its old place and marks an added one", () => {
    const removedId = clauseIds[2]!;
    const newer: CommuniqueContent = {
      ...seed,
      blocks: [
        ...seed.blocks.filter((b) => b.id !== removedId),
        { id: "clause-new", kind: "clause", text: { ru: "Новый пункт.", ja: "新しい条項。" } },
      ],
    };
    const diff = compareContents(seed, newer);
    const ids = diff.map((d) => d.id);
    expect(diff.find((d) => d.id === removedId)?.status).toBe("removed");
    expect(ids.indexOf(removedId)).toBe(ids.indexOf(clauseIds[1]!) + 1);
    expect(diff.find((d) => d.id === "clause-new")?.status).toBe("added");
  });
});
