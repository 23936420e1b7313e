import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import * as fontkit from "@cantoo/fontkit";
import type { Font, Glyph } from "@cantoo/fontkit";
import type { FontFace } from "./measure";
import { drawnCodePoint } from "./measure";

export type Weight = "regular" | "bold";

/**
 * One weight of Noto Serif JP. It covers Cyrillic as well as Japanese, and its cmap
 * maps shared Han code points to Japanese glyph forms, so no fallback chain (and no
 * Chinese face before the Japanese one) is ever needed.
 */
export interface LoadedFont {
  weight: Weight;
  face: FontFace;
  bytes: Uint8Array;
  /**
   * The parsed font as pdf-lib should see it: `layout` maps code points straight
   * through the cmap, so the glyphs embedded are exactly the glyphs measured
   * (fontkit's default shaping would swap in tabular digits and ligatures).
   */
  embeddable: Font;
}

export type Fonts = Record<Weight, LoadedFont>;

const FILES: Record<Weight, string> = {
  regular: "@expo-google-fonts/noto-serif-jp/400Regular/NotoSerifJP_400Regular.ttf",
  bold: "@expo-google-fonts/noto-serif-jp/700Bold/NotoSerifJP_700Bold.ttf",
};

let cached: Fonts | undefined;

/** Parses both weights once per process; later calls return the same objects. */
export function loadFonts(): Fonts {
  cached ??= { regular: loadFont("regular"), bold: loadFont("bold") };
  return cached;
}

export function fontFilePath(weight: Weight): string {
  // Resolved from the project root so the same code works under tsx, Vitest and Next.
  const require = createRequire(join(process.cwd(), "package.json"));
  return require.resolve(FILES[weight]);
}

function loadFont(weight: Weight): LoadedFont {
  const bytes = new Uint8Array(readFileSync(fontFilePath(weight)));
  const font = fontkit.create(bytes) as Font;
  return { weight, face: cachedFace(font), bytes, embeddable: cmapOnly(font) };
}

function cachedFace(font: Font): FontFace {
  const advances = new Map<number, number>();
  const present = new Map<number, boolean>();
  return {
    name: font.postscriptName ?? "NotoSerifJP",
    unitsPerEm: font.unitsPerEm,
    ascent: font.ascent,
    descent: font.descent,
    advance(codePoint) {
      let a = advances.get(codePoint);
      if (a === undefined) {
        a = font.glyphForCodePoint(codePoint)?.advanceWidth ?? 0;
        advances.set(codePoint, a);
      }
      return a;
    },
    hasGlyph(codePoint) {
      let p = present.get(codePoint);
      if (p === undefined) {
        p = font.hasGlyphForCodePoint(codePoint);
        present.set(codePoint, p);
      }
      return p;
    },
  };
}

function cmapOnly(font: Font): Font {
  const layout = (text: string) => {
    const glyphs: Glyph[] = [];
    for (const ch of text) {
      const cp = drawnCodePoint(ch.codePointAt(0) ?? 0);
      const glyph = font.glyphForCodePoint(cp);
      if (!glyph) continue;
      // A glyph shared by several code points (space/no-break space, hyphen/soft
      // hyphen) must map back to the one we draw, or ToUnicode would list them all.
      glyphs.push({ id: glyph.id, advanceWidth: glyph.advanceWidth, codePoints: [cp] } as Glyph);
    }
    return { glyphs, positions: null };
  };
  // Subsetting decodes every glyph it copies only to learn whether it is composite; the
  // outlines never change, so each glyph is decoded once per process.
  const glyphs = new Map<number, Glyph>();
  const getGlyph = (id: number, characters?: number[]) => {
    let glyph = glyphs.get(id);
    if (!glyph) {
      const base = font.getGlyph(id, characters) as (Glyph & { _decode?: () => unknown }) | null;
      if (!base) return base;
      if (typeof base._decode !== "function") return base;
      let decoded: unknown;
      let done = false;
      const decode = () => {
        if (!done) { decoded = base._decode!(); done = true; }
        return decoded;
      };
      glyph = Object.create(base, { _decode: { value: decode } }) as Glyph;
      glyphs.set(id, glyph);
    }
    return glyph;
  };
  return Object.create(font, { layout: { value: layout }, getGlyph: { value: getGlyph } }) as Font;
}
