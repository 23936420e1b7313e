import type { Lang } from "@/lib/communique/content";
import { NO_LINE_END, NO_LINE_START } from "../kinsoku";
import { CERTIFICATE_BLOCK_ID } from "../certificate";
import { COLUMNS, TEXT_RIGHT } from "../page-geometry";
import { RU_SPACING } from "../style";
import type { DrawnGlyph } from "./interpret";
import { isBlank, type DrawnLine } from "./lines";

export type CheckName = "kinsoku" | "overfull" | "word-space" | "block-top" | "missing-glyph" | "text" | "structure";

export interface Finding {
  check: CheckName;
  page?: number;
  block?: string;
  lang?: string;
  message: string;
}

const TOLERANCE = 0.5;
const show = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** No Japanese line may start with closing punctuation or small kana, or end with an opening bracket. */
export function checkKinsoku(lines: DrawnLine[]): Finding[] {
  const out: Finding[] = [];
  for (const line of lines.filter((l) => l.lang === "ja")) {
    const text = line.glyphs.map((g) => g.text).join("").trim();
    const first = text[0];
    const last = text[text.length - 1];
    const where = { check: "kinsoku" as const, page: line.page, block: line.block, lang: "ja" };
    if (first && NO_LINE_START.has(first)) out.push({ ...where, message: `line starts with ${show(first)}: ${show(text)}` });
    if (last && NO_LINE_END.has(last)) out.push({ ...where, message: `line ends with ${show(last)}: ${show(text)}` });
  }
  return out;
}

/** The text block, for text that belongs to no row of the parallel columns (the completion certificate). */
const TEXT_BLOCK = { x: COLUMNS.left.x, width: TEXT_RIGHT - COLUMNS.left.x };

/** Every glyph of the running text stays inside its column (or, outside the rows, inside the text block). */
export function checkOverfull(lines: DrawnLine[]): Finding[] {
  const out: Finding[] = [];
  for (const line of lines) {
    const col = line.row ? COLUMNS[line.column] : TEXT_BLOCK;
    const ink = line.glyphs.filter((g) => !isBlank(g));
    if (!ink.length) continue;
    const left = Math.min(...ink.map((g) => g.x));
    const right = Math.max(...ink.map((g) => g.x + g.advance));
    const over = Math.max(right - (col.x + col.width), col.x - left);
    if (over > TOLERANCE) {
      out.push({ check: "overfull", page: line.page, block: line.block, lang: line.lang,
        message: `line sticks out of the ${line.row ? `${line.column} column` : "text block"} by ${over.toFixed(2)} pt: ${show(ink.map((g) => g.text).join(""))}` });
    }
  }
  return out;
}

/** Russian word spaces, measured between the glyphs around each space, stay within 0.25–1 em. */
export function checkWordSpaces(lines: DrawnLine[]): Finding[] {
  const out: Finding[] = [];
  for (const line of lines.filter((l) => l.lang === "ru")) {
    const g = line.glyphs;
    for (let i = 1; i < g.length - 1; i++) {
      if (!isBlank(g[i]!)) continue;
      let p = i - 1;
      while (p >= 0 && isBlank(g[p]!)) p--;
      let q = i + 1;
      while (q < g.length && isBlank(g[q]!)) q++;
      const before = g[p];
      const after = g[q];
      if (!before || !after) continue;
      const em = before.size;
      const gap = (after.x - (before.x + before.advance)) / em;
      if (gap > RU_SPACING.max + 0.01 || gap < RU_SPACING.min - 0.01) {
        out.push({ check: "word-space", page: line.page, block: line.block, lang: "ru",
          message: `word space of ${gap.toFixed(3)} em (allowed ${RU_SPACING.min}–${RU_SPACING.max}) in ${show(g.map((x) => x.text).join(""))}` });
        break;
      }
    }
  }
  return out;
}

/** The two columns of every aligned row start at the same height (top = baseline + font ascent). */
export function checkBlockTops(lines: DrawnLine[]): Finding[] {
  const tops = new Map<string, Partial<Record<"left" | "right", number>>>();
  for (const line of lines) {
    if (!line.row) continue;
    const key = `${line.page}\u0000${line.row}`;
    const g = line.glyphs[0]!;
    const top = line.y + (g.font.ascent / 1000) * g.size;
    const entry = tops.get(key) ?? {};
    entry[line.column] = Math.max(entry[line.column] ?? -Infinity, top);
    tops.set(key, entry);
  }
  const out: Finding[] = [];
  for (const [key, { left, right }] of tops) {
    if (left === undefined || right === undefined || Math.abs(left - right) <= TOLERANCE) continue;
    const [page, row] = key.split("\u0000");
    out.push({ check: "block-top", page: Number(page), block: row,
      message: `row ${row} starts at ${left.toFixed(2)} pt on the left and ${right.toFixed(2)} pt on the right` });
  }
  return out;
}

/** Glyph 0 is the empty box; a glyph without a Unicode mapping cannot be searched or copied. */
export function checkGlyphs(glyphs: DrawnGlyph[]): Finding[] {
  const out: Finding[] = [];
  for (const g of glyphs) {
    if (g.cid === 0) out.push({ check: "missing-glyph", page: g.page, block: g.block, lang: g.lang, message: `.notdef (empty box) drawn in ${g.font.baseFont}` });
    else if (!g.hasUnicode) out.push({ check: "missing-glyph", page: g.page, block: g.block, lang: g.lang, message: `glyph ${g.cid} of ${g.font.baseFont} has no ToUnicode entry` });
  }
  return out;
}

const normalise = (s: string) => s.replace(/[\s\u00a0\u3000\u00ad]/gu, "");

/** Text per block and language, in drawing order, equals the input (line breaks and spaces aside). */
export function checkText(glyphs: DrawnGlyph[], expected: Map<string, Record<Lang, string>>): Finding[] {
  const got = new Map<string, string>();
  const order: string[] = [];
  for (const g of glyphs) {
    if (g.artifact || !g.block || !g.lang) continue;
    const key = `${g.block}\u0000${g.lang}`;
    if (!got.has(key)) order.push(g.block);
    got.set(key, (got.get(key) ?? "") + g.text);
  }
  const out: Finding[] = [];
  for (const [block, texts] of expected) {
    for (const lang of ["ru", "ja"] as const) {
      const want = normalise(texts[lang]);
      const have = normalise(got.get(`${block}\u0000${lang}`) ?? "");
      if (want === have) continue;
      let i = 0;
      while (i < want.length && want[i] === have[i]) i++;
      out.push({ check: "text", block, lang, message: have === ""
        ? "text missing from the PDF"
        : `extracted text differs at character ${i}: expected ${show(want.slice(i, i + 20))}, found ${show(have.slice(i, i + 20))}` });
    }
  }
  const known = new Set(expected.keys());
  for (const block of new Set(order)) {
    // Dates and typed names of signatures, and the completion certificate, are not content.
    if (!known.has(block) && !block.startsWith("signed:") && !block.startsWith("signatures-") && block !== CERTIFICATE_BLOCK_ID) {
      out.push({ check: "text", block, message: "text in the PDF that is not in the input" });
    }
  }
  const seen = [...new Set(order)].filter((b) => known.has(b));
  const wanted = [...known].filter((b) => seen.includes(b));
  if (seen.join() !== wanted.join()) out.push({ check: "text", message: `blocks drawn out of order: ${seen.join(", ")}` });
  return out;
}
