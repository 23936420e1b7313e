import { AppError } from "@/lib/errors/app-error";
import { loadFonts } from "@/lib/pdf/fonts";
import { normalizeParagraph } from "@/lib/text/normalize";

import { MAX_CLAUSE_CHARS } from "./limits";

export { MAX_CLAUSE_CHARS };

const ENTITIES: Record<string, string> = { nbsp: "\u00a0", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", laquo: "«", raquo: "»", mdash: "—", ndash: "–" };

// Every pattern is linear in the text: a tag never spans a "<", so a text of a million
// unclosed "<a" costs one pass rather than one pass per "<" (which took minutes).
const LOOKS_LIKE_HTML = /<\/?[a-z][^<>]*>|&[a-z]+;|&#\d+;/i;
const TAG = /<\/?[a-z][^<>]*>/gi;
const SCRIPT_OR_STYLE = /<(script|style)\b[^<>]*>/gi;

/** Text pasted from a web page or Word arrives as HTML: keep its words, drop its markup. */
export function stripHtml(value: string): string {
  if (!LOOKS_LIKE_HTML.test(value)) return value;
  return withoutScripts(value)
    .replace(/<br\s*\/?>|<\/p\s*>/gi, "\n")
    .replace(TAG, "")
    .replace(/&#(\d+);/g, (whole, code: string) => (Number(code) <= 0x10ffff ? String.fromCodePoint(Number(code)) : whole))
    .replace(/&([a-z]+);/gi, (whole, name: string) => ENTITIES[name.toLowerCase()] ?? whole);
}

/**
 * Drops <script> and <style> elements with their content. An element that is never closed
 * stays (its tags go with the other markup): once one has no end tag, no later one of the
 * same name can have one either, so the search for end tags is given up rather than repeated.
 */
function withoutScripts(value: string): string {
  let out = "";
  let from = 0;
  const unclosed = new Set<string>();
  SCRIPT_OR_STYLE.lastIndex = 0;
  for (let open = SCRIPT_OR_STYLE.exec(value); open; open = SCRIPT_OR_STYLE.exec(value)) {
    const name = open[1]!.toLowerCase();
    if (unclosed.has(name)) continue;
    const close = new RegExp(`</${name}\\s*>`, "gi");
    close.lastIndex = SCRIPT_OR_STYLE.lastIndex;
    if (!close.exec(value)) {
      unclosed.add(name);
      continue;
    }
    out += value.slice(from, open.index);
    from = SCRIPT_OR_STYLE.lastIndex = close.lastIndex;
  }
  return out + value.slice(from);
}

/** Cleaning passes before a text that still changes is refused: real pastes settle in two or three. */
const MAX_PASSES = 8;

/**
 * The text a clause stores for `raw`: markup dropped (stripHtml), then normalizeParagraph
 * (controls and invisible format characters removed, NFC, white space collapsed, trimmed),
 * repeated until nothing changes. Cleaning once is not enough: a decoded entity, a dropped
 * tag or control can leave markup behind ("&amp;lt;b&amp;gt;" → "&lt;b&gt;" → "<b>" → ""),
 * and the next save of the stored text, unchanged in the editor, would then change it.
 * So cleaning a stored text never changes it. Null when it still changes after MAX_PASSES
 * (markup nested on purpose, many levels deep).
 */
export function normalizeClauseText(raw: string): string | null {
  let text = raw;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = normalizeParagraph(stripHtml(text));
    if (next === text) return text;
    text = next;
  }
  return null;
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
 * Cleans a clause text (normalizeClauseText) and checks it: not empty, not over the limit,
 * and drawable in the PDF. Returns the text to store.
 */
export function cleanClauseText(raw: unknown): string {
  if (typeof raw !== "string") throw new AppError("VALIDATION", {}, { text: "required" });
  const text = normalizeClauseText(raw);
  if (text === null) throw new AppError("VALIDATION", {}, { text: "markupTooDeep" });
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
