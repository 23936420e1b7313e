import type { CommuniqueContent, Lang } from "@/lib/communique/content";
import { SIGNING_BLOCK_ID } from "./block-text";
import { loadFonts } from "./fonts";
import type { FontFace } from "./measure";
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
  return missingGlyphsIn(contentTexts(content), faces);
}

/** Characters no face can draw in the given texts, once per block, language and character. */
export function missingGlyphsIn(texts: Iterable<{ blockId: string; lang: Lang; text: string }>, faces?: Faces): MissingGlyph[] {
  const f = faces ?? (() => { const l = loadFonts(); return { regular: l.regular.face, bold: l.bold.face }; })();
  const found: MissingGlyph[] = [];
  const seen = new Set<string>();
  const drawable = drawableCache(f);
  for (const { blockId, lang, text } of texts) {
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      if (drawable(cp)) continue;
      const key = `${blockId}|${lang}|${cp}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({ blockId, lang, char: String.fromCodePoint(cp), codePoint: cp });
    }
  }
  return found;
}

/** Whether both weights can draw a code point (or it needs no glyph), remembered per pair of faces. */
const DRAWABLE = new WeakMap<FontFace, WeakMap<FontFace, (cp: number) => boolean>>();
const IGNORABLE = /[\s\u00ad\u200b-\u200d\u2060\ufeff]/u;

function drawableCache(faces: Faces): (cp: number) => boolean {
  let byBold = DRAWABLE.get(faces.regular);
  if (!byBold) DRAWABLE.set(faces.regular, (byBold = new WeakMap()));
  const hit = byBold.get(faces.bold);
  if (hit) return hit;
  // 0 unknown, 1 drawable, 2 missing: a flat table for the Basic Multilingual Plane.
  const bmp = new Uint8Array(0x10000);
  const astral = new Map<number, boolean>();
  const test = (cp: number) => IGNORABLE.test(String.fromCodePoint(cp)) || (faces.regular.hasGlyph(cp) && faces.bold.hasGlyph(cp));
  const drawable = (cp: number) => {
    if (cp > 0xffff) {
      let known = astral.get(cp);
      if (known === undefined) astral.set(cp, (known = test(cp)));
      return known;
    }
    let state = bmp[cp]!;
    if (state === 0) bmp[cp] = state = test(cp) ? 1 : 2;
    return state === 1;
  };
  byBold.set(faces.bold, drawable);
  return drawable;
}
