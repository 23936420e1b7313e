import type { MissingGlyph } from "./missing-glyphs";

/** Raised before rendering when the text has characters the fonts cannot draw. */
export class MissingGlyphsError extends Error {
  readonly code = "MISSING_GLYPHS" as const;
  constructor(readonly missing: MissingGlyph[]) {
    super(
      `The fonts cannot draw ${missing.length} character(s): ` +
        missing.slice(0, 5).map((m) => `U+${m.codePoint.toString(16).toUpperCase().padStart(4, "0")} in ${m.blockId} (${m.lang})`).join(", "),
    );
    this.name = "MissingGlyphsError";
  }
}
