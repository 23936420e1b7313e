import { AppError } from "@/lib/errors/app-error";
import { loadFonts } from "@/lib/pdf/fonts";
import { normalizeParagraph } from "@/lib/text/normalize";

import { MAX_CLAUSE_CHARS } from "./limits";

export { MAX_CLAUSE_CHARS };

const ENTITIES: Record<string, string> = { nbsp: "\u00a0", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", laquo: "«", raquo: "»", mdash: "—", ndash: "–" };

/** Text pasted from a web page or Word arrives as HTML: keep its words, drop its markup. */
export function stripHtml(value: string): string {
  if (!/<\/?[a-z][^>]*>|&[a-z]+;|&#\d+;/i.test(value)) return value;
  return value
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<br\s*\/?>|<\/p\s*>/gi, "\n")
    .replace(/<\/?[a-z][^>]*>/gi, "")
    .replace(/&#(\d+);/g, (whole, code: string) => (Number(code) <= 0x10ffff ? String.fromCodePoint(Number(code)) : whole))
    .replace(/&([a-z]+);/gi, (whole, name: string) => ENTITIES[name.toLowerCase()] ?? whole);
}

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

/**
 * Cleans a clause text (markup, NFC, control characters, spaces) and checks it: not empty,
 * not over the limit, and drawable in the PDF. Returns the text to store.
 */
export function cleanClauseText(raw: unknown): string {
  if (typeof raw !== "string") throw new AppError("VALIDATION", {}, { text: "required" });
  const text = normalizeParagraph(stripHtml(raw));
  if (text.length === 0) throw new AppError("VALIDATION", {}, { text: "required" });
  if (text.length > MAX_CLAUSE_CHARS) {
    throw new AppError("VALIDATION", { max: MAX_CLAUSE_CHARS, length: text.length }, { text: "clauseTooLong" });
  }
  const missing = undrawable(text);
  if (missing.length > 0) {
    throw new AppError("MISSING_GLYPHS", { chars: missing.join(" ") }, {}, { chars: missing });
  }
  return text;
}
