import type { FontFace } from "../measure";
import type { Faces } from "../typeset-paragraph";

/**
 * A fixed-width face for unit tests: every Latin or Cyrillic character is half an
 * em wide, every CJK character and full-width form one em, the space a quarter em.
 * Widths are then countable by hand.
 */
export function fakeFace(name = "Fake"): FontFace {
  return {
    name,
    unitsPerEm: 1000,
    ascent: 1000,
    descent: -250,
    advance: (cp) => (cp === 0x20 ? 250 : isWide(cp) ? 1000 : 500),
    hasGlyph: (cp) => cp < 0x1f000,
  };
}

export function fakeFaces(): Faces {
  return { regular: fakeFace("Fake"), bold: fakeFace("Fake-Bold") };
}

function isWide(cp: number): boolean {
  return (cp >= 0x20000 && cp <= 0x3ffff) || (cp >= 0x3000 && cp <= 0x9fff) || (cp >= 0xff00 && cp <= 0xffef) || (cp >= 0x2e80 && cp <= 0x2fff);
}
