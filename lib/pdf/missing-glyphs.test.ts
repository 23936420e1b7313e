import { describe, expect, it } from "vitest";
import { seedCommuniqueContent } from "@/lib/communique/seed-content";
import type { CommuniqueContent } from "@/lib/communique/content";
import { findMissingGlyphs, MissingGlyphsError, renderCommuniquePdf } from "./index";

function withText(ru: string, ja: string): CommuniqueContent {
  const content = seedCommuniqueContent();
  const clause = content.blocks.find((b) => b.kind === "clause");
  if (!clause || clause.kind === "participants") throw new Error("seed has no clause");
  clause.text = { ru: `${clause.text.ru} ${ru}`, ja: `${clause.text.ja}${ja}` };
  return content;
}

describe("missing glyphs", () => {
  it("finds nothing missing in the XXVII communiqué", () => {
    expect(findMissingGlyphs(seedCommuniqueContent())).toEqual([]);
  });

  it("reports block, language and character for each character the font lacks", () => {
    const content = withText("नमस्ते", "안녕");
    const clauseId = content.blocks.find((b) => b.kind === "clause")!.id;
    const missing = findMissingGlyphs(content);
    expect(missing).toContainEqual({ blockId: clauseId, lang: "ru", char: "न", codePoint: 0x928 });
    expect(missing).toContainEqual({ blockId: clauseId, lang: "ja", char: "안", codePoint: 0xc548 });
    expect(missing.every((m) => m.blockId === clauseId)).toBe(true);
  });

  it("refuses to render rather than draw empty boxes", async () => {
    const attempt = renderCommuniquePdf(withText("", "😀"), { draft: true });
    await expect(attempt).rejects.toBeInstanceOf(MissingGlyphsError);
    await expect(attempt).rejects.toMatchObject({ code: "MISSING_GLYPHS", missing: [{ lang: "ja", char: "😀" }] });
  });

  it("accepts Japanese forms of shared Han characters and Cyrillic from the same face", () => {
    expect(findMissingGlyphs(withText("Ёлка №5 «ёж» — …", "々〆ヶ「」（）・ー　直骨"))).toEqual([]);
  });
});
