import type { CommuniqueContent, Lang } from "@/lib/communique/content";
import { SIGNING_BLOCK_ID } from "./block-text";
import { loadFonts } from "./fonts";
import type { Faces } from "./typeset-paragraph";

export interface MissingGlyph {
  blockId: string;
  lang: Lang;
  char: string;
  codePoint: number;
}

/** Every text of the communiqué with the block id it is reported under. */
export function* contentTexts(content: CommuniqueContent): Generator<{ blockId: string; lang: Lang; text: string }> {
  const both = function* (blockId: string, t: { ru: string; ja: string }) {
    yield { blockId, lang: "ru" as const, text: t.ru };
    yield { blockId, lang: "ja" as const, text: t.ja };
  };
  yield* both("shortTitle", content.shortTitle);
  for (const block of content.blocks) {
    if (block.kind !== "participants") { yield* both(block.id, block.text); continue; }
    yield* both(block.id, block.intro);
    for (const group of block.groups) {
      yield* both(block.id, group.heading);
      for (const row of group.rows) { yield* both(block.id, row.title); yield* both(block.id, row.name); }
    }
  }
  yield* both(SIGNING_BLOCK_ID, content.signing.place);
  yield* both(SIGNING_BLOCK_ID, content.signing.placeDate);
  for (const s of content.signatories) { yield* both(s.id, s.title); yield* both(s.id, s.name); }
}

/**
 * Characters no face can draw, found before anything is rendered: a communiqué
 * must never go out with an empty box where a letter should be.
 */
export function findMissingGlyphs(content: CommuniqueContent, faces?: Faces): MissingGlyph[] {
  const f = faces ?? (() => { const l = loadFonts(); return { regular: l.regular.face, bold: l.bold.face }; })();
  const found: MissingGlyph[] = [];
  const seen = new Set<string>();
  const drawable = new Map<number, boolean>();
  const ok = (cp: number, char: string) => {
    let known = drawable.get(cp);
    if (known === undefined) {
      known = /[\s\u00ad\u200b-\u200d\u2060\ufeff]/u.test(char) || (f.regular.hasGlyph(cp) && f.bold.hasGlyph(cp));
      drawable.set(cp, known);
    }
    return known;
  };
  for (const { blockId, lang, text } of contentTexts(content)) {
    for (const char of text) {
      const cp = char.codePointAt(0) ?? 0;
      if (ok(cp, char)) continue;
      const key = `${blockId}|${lang}|${cp}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({ blockId, lang, char, codePoint: cp });
    }
  }
  return found;
}
