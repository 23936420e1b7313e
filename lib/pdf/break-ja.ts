import type { FontFace } from "./measure";
import { glyphCount, measure } from "./measure";
import { NO_LINE_END, NO_LINE_START } from "./kinsoku";
import type { Run, TypesetLine } from "./line";
import { japaneseUnits } from "./segment-ja";
import type { ParagraphStyle } from "./style";

/**
 * Advance of each unit (a character, or a Latin word) with its tracking, by face, size
 * and tracking; per process. Single characters are keyed by code unit, so looking one
 * up makes no string.
 */
interface WidthCache { chars: Map<number, number>; words: Map<string, number> }
const WIDTHS = new Map<string, WidthCache>();
const WIDTH_LIMIT = 50_000;
let widthCount = 0;

function widthCache(face: FontFace, size: number, track: number): WidthCache {
  const key = `${face.name}\u0000${size}\u0000${track}`;
  let cache = WIDTHS.get(key);
  if (!cache) WIDTHS.set(key, (cache = { chars: new Map(), words: new Map() }));
  if (widthCount > WIDTH_LIMIT) {
    for (const c of WIDTHS.values()) { c.chars.clear(); c.words.clear(); }
    widthCount = 0;
  }
  return cache;
}

const SPACE = 0x20;

/**
 * Japanese lines are filled greedily; where the break would leave a forbidden
 * character at a line start or end, characters are pushed to the next line
 * (oidashi) and the line is justified by spacing out the remaining characters.
 */
export function typesetJapanese(text: string, style: ParagraphStyle, face: FontFace, width: number): TypesetLine[] {
  const track = style.tracking * style.size;
  const units = japaneseUnits(text);
  const s = units.text;
  let { bounds, word } = units;
  const cache = widthCache(face, style.size, track);
  const unitWidth = (from: number, to: number) => {
    const single = to - from === 1;
    let w = single ? cache.chars.get(s.charCodeAt(from)) : undefined;
    if (w === undefined) {
      const unit = s.slice(from, to);
      w = single ? undefined : cache.words.get(unit);
      if (w === undefined) {
        w = measure(face, style.size, unit) + track * glyphCount(unit);
        if (single) cache.chars.set(s.charCodeAt(from), w);
        else cache.words.set(unit, w);
        widthCount++;
      }
    }
    return w;
  };
  let widths = new Array<number>(word.length);
  for (let i = 0; i < word.length; i++) widths[i] = unitWidth(bounds[i]!, bounds[i + 1]!);
  // A word wider than the first line (a long web address, a string of one letter) would run
  // over the other column and off the page: it breaks between any two characters instead.
  if (widths.some((w) => w - track > width - style.indent)) {
    const split = { bounds: [] as number[], word: [] as boolean[], widths: [] as number[] };
    for (let i = 0; i < word.length; i++) {
      const from = bounds[i]!;
      const to = bounds[i + 1]!;
      if (widths[i]! - track <= width - style.indent) {
        split.bounds.push(from); split.word.push(word[i]!); split.widths.push(widths[i]!);
        continue;
      }
      // A combining mark stays with its letter.
      for (const m of s.slice(from, to).matchAll(/\P{M}\p{M}*|\p{M}+/gu)) {
        const at = from + m.index;
        split.bounds.push(at); split.word.push(false); split.widths.push(unitWidth(at, at + m[0].length));
      }
    }
    split.bounds.push(s.length);
    ({ bounds, word, widths } = split);
  }
  const count = word.length;
  const isSpace = (i: number) => bounds[i + 1]! - bounds[i]! === 1 && s.charCodeAt(bounds[i]!) === SPACE;
  // May unit e start a line, and unit e − 1 end one?
  const breakable = (e: number) => !NO_LINE_START.has(s[bounds[e]!] ?? "") && !NO_LINE_END.has(s[bounds[e]! - 1] ?? "");
  const lines: TypesetLine[] = [];
  // Line n is units [starts[n], ends[n]).
  const starts: number[] = [];
  const ends: number[] = [];
  let start = 0;
  while (start < count) {
    while (start < count && isSpace(start)) start++;
    if (start >= count) break;
    const available = width - (starts.length === 0 ? style.indent : 0);
    let end = start;
    let used = 0;
    while (end < count && used + widths[end]! - track <= available + 1e-6) used += widths[end++]!;
    if (end === start) end = start + 1; // a single unit wider than the measure overflows rather than loops
    // Kinsoku: move the break back until the next line may start with its first unit and this line may end with its last.
    if (end < count) while (end > start + 1 && !breakable(end)) end--;
    starts.push(start);
    ends.push(end);
    start = end;
  }
  for (let n = 0; n < starts.length; n++) {
    let end = ends[n]!;
    while (end > starts[n]! && isSpace(end - 1)) end--;
    lines.push(placeLine(s, bounds, word, widths, starts[n]!, end, style, width, n === 0 ? style.indent : 0, n === starts.length - 1));
  }
  return lines;
}

/** Whether text[from … to) is more than one glyph (not one character of a surrogate pair). */
function severalGlyphs(s: string, from: number, to: number): boolean {
  const n = to - from;
  if (n < 2) return false;
  const c = s.charCodeAt(from);
  return n > 2 || c < 0xd800 || c > 0xdbff;
}

function placeLine(
  s: string, bounds: number[], word: boolean[], widths: number[], from: number, end: number,
  style: ParagraphStyle, width: number, indent: number, last: boolean,
): TypesetLine {
  const count = end - from;
  const track = style.tracking * style.size;
  let sum = 0;
  for (let i = from; i < end; i++) sum += widths[i]!;
  const natural = sum - track;
  const justify = style.align === "justify" && !last && count > 1;
  const gap = justify ? Math.max(0, (width - indent - natural) / (count - 1)) : 0;
  const offset =
    style.align === "center" ? (width - natural) / 2 : style.align === "right" ? width - natural : indent;
  const runs: Run[] = [];
  let x = offset;
  // The run being extended, and the text offset it starts at (its text is set when it closes).
  let open: Run | null = null;
  let openFrom = 0;
  for (let i = from; i < end; i++) {
    if (gap > 0 && (word[i] || severalGlyphs(s, bounds[i]!, bounds[i + 1]!))) {
      // Whole words keep their own spacing; the gap goes around them, not inside. So do
      // doubled marks (——, ……) and letters with a combining mark: letter spacing would put
      // the gap after each of their glyphs, and the line would run past the column.
      if (open) open.text = s.slice(openFrom, bounds[i]);
      runs.push({ text: s.slice(bounds[i], bounds[i + 1]), x, letterSpacing: track });
      open = null;
    } else if (!open) {
      runs.push((open = { text: "", x, letterSpacing: track + gap }));
      openFrom = bounds[i]!;
    }
    x += widths[i]! + gap;
  }
  if (open) open.text = s.slice(openFrom, bounds[end]);
  return {
    lang: "ja",
    weight: style.weight,
    size: style.size,
    gray: style.gray,
    runs,
    letterSpacing: track + gap,
    width: x - gap - track,
    justified: justify,
  };
}
