/**
 * The typesetter's view of a font: advances in font units and vertical metrics.
 * Breaking and layout only ever see this interface, so unit tests can hand them a
 * fixed-width fake and the real face can cache advances behind it.
 */
export interface FontFace {
  readonly name: string;
  readonly unitsPerEm: number;
  /** Ascent in font units (positive); the top of a line box sits this far above the baseline. */
  readonly ascent: number;
  readonly descent: number;
  /** Advance of the glyph drawn for this code point (the .notdef advance when there is none). */
  advance(codePoint: number): number;
  hasGlyph(codePoint: number): boolean;
}

/** Characters that are typeset but never drawn as themselves. */
const SOFT_HYPHEN = 0xad;
const NBSP = 0xa0;
const SPACE = 0x20;

/** Code point actually encoded for a character: no-break spaces are drawn as spaces. */
export function drawnCodePoint(codePoint: number): number {
  return codePoint === NBSP || codePoint === 0x202f ? SPACE : codePoint;
}

/** Width in points of `text` set in `face` at `size`, without letter spacing. */
export function measure(face: FontFace, size: number, text: string): number {
  let units = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      cp = text.codePointAt(i) ?? cp;
      i++;
    }
    if (cp === SOFT_HYPHEN) continue;
    units += face.advance(drawnCodePoint(cp));
  }
  return (units * size) / face.unitsPerEm;
}

/** Number of glyphs drawn for `text` (letter spacing is added after each one). */
export function glyphCount(text: string): number {
  let n = 0;
  for (const ch of text) if (ch !== "\u00ad") n++;
  return n;
}

export function ascentOf(face: FontFace, size: number): number {
  return (face.ascent * size) / face.unitsPerEm;
}
