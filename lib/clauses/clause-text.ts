import { AppError } from "@/lib/errors/app-error";
import { loadFonts } from "@/lib/pdf/fonts";
import { normalizeParagraph } from "@/lib/text/normalize";

import { MAX_CLAUSE_CHARS } from "./limits";

export { MAX_CLAUSE_CHARS };

/** Characters of `text` that the document's font cannot draw, each once. */
export function undrawable(text: string): string[] {
  const { regular, bold } = loadFonts();
  const missing = new Set<string>();
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    if (/\s/.test(char)) continue;
    if (!regular.face.hasGlyph(cp) || !bold.face.hasGlyph(cp)) missing.add(char);
  }
  return [...missing];
}

// Characters that show nothing (or nothing recognisable) on their own: combining and
// enclosing marks, variation selectors, format and control characters, lone surrogates,
// private-use and unassigned code points, white space.
const INVISIBLE = /^[\p{M}\p{C}\p{Z}\s]$/u;

/**
 * The characters of a MISSING_GLYPHS refusal as the message names them: each one itself,
 * or its code ("U+0302") when printed alone it would show nothing a reader could find.
 */
export function describeChars(chars: string[]): string {
  return chars
    .map((char) => (INVISIBLE.test(char) ? `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}` : char))
    .join(" ");
}

/**
 * Cleans a clause text and checks it: not empty, not over the limit (measured on the cleaned
 * text), and drawable in the PDF. Returns the text to store.
 *
 * A clause is plain text, and it keeps every character the user typed: "<5%", "a<b и c>d",
 * "<b>", "&lt;" are text like any other, escaped where they are output (React, the review
 * markup), drawn as text in the PDF, and never stripped or decoded here. Cleaning is only
 * normalizeParagraph: controls and invisible format characters removed, NFC, white space
 * collapsed, trimmed. It is idempotent, so saving a stored text again never changes it.
 */
export function cleanClauseText(raw: unknown): string {
  if (typeof raw !== "string") throw new AppError("VALIDATION", {}, { text: "required" });
  const text = normalizeParagraph(raw);
  if (text.length === 0) throw new AppError("VALIDATION", {}, { text: "required" });
  if (text.length > MAX_CLAUSE_CHARS) {
    throw new AppError("VALIDATION", { max: MAX_CLAUSE_CHARS, length: text.length }, { text: "clauseTooLong" });
  }
  const missing = undrawable(text);
  if (missing.length > 0) {
    throw new AppError("MISSING_GLYPHS", { chars: describeChars(missing) }, {}, { chars: missing });
  }
  return text;
}
