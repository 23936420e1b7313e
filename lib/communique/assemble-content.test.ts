import { describe, expect, it } from "vitest";
import { xxviiSeed } from "@/prisma/seed/xxvii-data";
import { assembleContent } from "./assemble-content";
import { meetingFactsFromSeed } from "./meeting-facts";
import { seedSignatories } from "./seed-content";

const facts = meetingFactsFromSeed(xxviiSeed);
const signatories = seedSignatories(xxviiSeed);
const clauses = [
  { id: "clause-a", text: { ru: "Стороны согласились.", ja: "双方は合意した。" } },
  { id: "clause-b", text: { ru: "Стороны договорились.", ja: "双方は一致した。" } },
];

describe("assembleContent", () => {
  it("numbers the clauses only when asked", () => {
    const numbered = assembleContent(facts, clauses, signatories, { numberClauses: true });
    const body = numbered.blocks.filter((block) => block.kind === "clause");
    expect(body.map((block) => [block.id, "number" in block ? block.number : undefined])).toEqual([
      ["clause-a", 1],
      ["clause-b", 2],
    ]);
    const plain = assembleContent(facts, clauses, signatories, { numberClauses: false });
    expect(plain.blocks.filter((block) => "number" in block)).toEqual([]);
  });

  it("places the body between the topics and the closing", () => {
    const content = assembleContent(facts, clauses, signatories, { numberClauses: false });
    expect(content.blocks.map((block) => block.kind)).toEqual([
      "title", "meetingLine", "preamble", "participants", "topics", "clause", "clause", "closing", "formula",
    ]);
    expect(content.signatories).toBe(signatories);
  });

  it("keeps a hand edit of one language and regenerates the other", () => {
    const content = assembleContent(facts, clauses, signatories, {
      numberClauses: false,
      overrides: { closing: { ja: "次回会議は日本で開催する。" } },
    });
    const closing = content.blocks.find((block) => block.id === "closing");
    expect(closing?.kind === "closing" && closing.text).toEqual({
      ru: expect.stringContaining("следующую XXVIII Встречу в 2021 году в Японии") as unknown as string,
      ja: "次回会議は日本で開催する。",
    });
  });

  it("refuses colliding ids and an ordinal that contradicts the number", () => {
    const clash = [{ id: "preamble", text: { ru: "Текст.", ja: "本文。" } }];
    expect(() => assembleContent(facts, clash, signatories, { numberClauses: false })).toThrow(/preamble/);
    expect(() => assembleContent({ ...facts, number: 28 }, clauses, signatories, { numberClauses: false })).toThrow(
      /XXVII/,
    );
  });
});
