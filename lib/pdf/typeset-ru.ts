import type { FontFace } from "./measure";
import { glyphCount, measure } from "./measure";
import { breakLines } from "./break-knuth-plass";
import { breakGreedy } from "./break-greedy";
import { hyphenationPoints } from "./hyphenate-ru";
import { box, glue, INFINITY, penalty, type Box, type Item } from "./items";
import { linesFromBreaks } from "./lines-from-breaks";
import type { TypesetLine } from "./line";
import { forEachSegment, tieRussian } from "./segment-ru";
import { RU_SPACING, type ParagraphStyle } from "./style";

const HYPHEN_PENALTY = 50;
const EXPLICIT_HYPHEN_PENALTY = 50;
/**
 * Boxes and hyphenation penalties of a word, by face, size and tracking, then by the
 * word. Words recur endlessly in official prose; the items are read-only, so they are
 * shared, and so are the glue and penalties below.
 */
const WORDS = new Map<string, Map<string, Item[]>>();
const WORD_LIMIT = 100_000;
let wordCount = 0;
const TIE = penalty(0, INFINITY, false);
/** A tie that may break after all, at a high price: see typesetRussian. */
const LOOSE_TIE = penalty(0, INFINITY / 2, false);
const AFTER_HYPHEN = penalty(0, EXPLICIT_HYPHEN_PENALTY, true);
const AFTER_OTHER = penalty(0, EXPLICIT_HYPHEN_PENALTY, false);
const FINISH: Item[] = [penalty(0, INFINITY, false), glue(0, Infinity, Infinity, 0), penalty(0, -INFINITY, false)];
const SPACES = new Map<number, Item>();
const NBSP = "\u00a0";

function wordSpace(em: number): Item {
  let space = SPACES.get(em);
  if (!space) {
    space = glue(RU_SPACING.natural * em, (RU_SPACING.ideal - RU_SPACING.natural) * em,
      (RU_SPACING.max - RU_SPACING.natural) * em, (RU_SPACING.natural - RU_SPACING.min) * em);
    SPACES.set(em, space);
  }
  return space;
}

/** Sets a Russian paragraph: total-fit justified, or greedy when ragged or centred. */
export function typesetRussian(text: string, style: ParagraphStyle, face: FontFace, width: number): TypesetLine[] {
  const items = splitOverwide(russianItems(text, style, face), style, face, width);
  const lines = setLines(items, style, face, width);
  // Short words are tied to their neighbours; a text of nothing but short words (or
  // symbols) is then one chain wider than the measure, set as one line running off the
  // page. Only then may ties break too.
  if (!lines.some((line) => line.width > width + OVERFULL)) return lines;
  return setLines(items.map((item) => (item === TIE ? LOOSE_TIE : item)), style, face, width);
}

/** How far past the measure a line may reach before it counts as running over (rounding). */
const OVERFULL = 0.5;

function setLines(items: Item[], style: ParagraphStyle, face: FontFace, width: number): TypesetLine[] {
  const breaks =
    style.align === "justify"
      ? breakLines(items, {
          lineWidth: width,
          letterStretch: RU_SPACING.maxLetterSpacing * style.size,
          maxConsecutiveHyphens: 2,
        })
      : breakGreedy(items, width);
  return linesFromBreaks(items, breaks, { style, face, width, lang: "ru" });
}

/** A break between two characters of a piece that no line can hold whole: no hyphen is drawn. */
const CHARACTER_BREAK = penalty(0, HYPHEN_PENALTY, false);

/**
 * A piece of a word wider than the measure (a long web address, a string of one letter)
 * fits on no line: set whole, it would run over the other column and off the page, and
 * the breaker, finding no way to set the paragraph, would drop it altogether. Such pieces
 * may break between any two characters (a combining mark stays with its letter). The
 * word they belong to no longer goes on a line whole, so its first box loses its `word`.
 */
function splitOverwide(items: Item[], style: ParagraphStyle, face: FontFace, width: number): Item[] {
  if (!items.some((item) => item.type === "box" && item.width > width)) return items;
  const track = style.tracking * style.size;
  const out: Item[] = [];
  let wordAt = -1;
  let wordEnd = -1;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.type === "box" && item.word) {
      wordAt = out.length;
      wordEnd = i + item.word.items;
    }
    if (item.type !== "box" || item.width <= width) {
      out.push(item);
      continue;
    }
    // Boxes are shared between paragraphs: the word's first box is replaced, not changed.
    if (i < wordEnd && wordAt < out.length) {
      const first = out[wordAt] as Box;
      out[wordAt] = box(first.text, first.width, first.glyphs);
    }
    const chars = item.text.match(/\P{M}\p{M}*|\p{M}+/gu) ?? [item.text];
    chars.forEach((char, k) => {
      if (k > 0) out.push(CHARACTER_BREAK);
      const glyphs = glyphCount(char);
      out.push(box(char, measure(face, style.size, char) + track * glyphs, glyphs));
    });
  }
  return out;
}

export function russianItems(text: string, style: ParagraphStyle, face: FontFace): Item[] {
  const em = style.size;
  const track = style.tracking * em;
  const space = wordSpace(em);
  const hyphenWidth = measure(face, style.size, "-");
  const hyphenate = style.hyphenate !== false;
  const cacheKey = `${face.name}\u0000${em}\u0000${track}${hyphenate ? "" : "\u0000whole"}`;
  let words = WORDS.get(cacheKey);
  if (!words) WORDS.set(cacheKey, (words = new Map()));
  const cache = words;
  const word = (piece: string): Item[] => {
    const hit = cache.get(piece);
    if (hit) return hit;
    const cuts = new Set<number>();
    if (hyphenate) for (const m of piece.matchAll(/\p{L}+/gu)) {
      for (const p of hyphenationPoints(m[0])) cuts.add((m.index ?? 0) + p);
    }
    const out: Item[] = [];
    let from = 0;
    for (const cut of [...cuts].sort((a, b) => a - b).concat(piece.length)) {
      const part = piece.slice(from, cut);
      const glyphs = glyphCount(part);
      out.push(box(part, measure(face, style.size, part) + track * glyphs, glyphs));
      if (cut < piece.length) out.push(penalty(hyphenWidth, HYPHEN_PENALTY, true, "-"));
      from = cut;
    }
    // The whole word, for lines that hold all of it: their runs then need no joining of parts.
    (out[0] as Box).word = { text: piece, spaced: `${piece} `, items: out.length };
    if (++wordCount > WORD_LIMIT) {
      for (const m of WORDS.values()) m.clear();
      wordCount = 1;
    }
    cache.set(piece, out);
    return out;
  };

  const items: Item[] = [];
  const add = (list: Item[]) => { for (let i = 0; i < list.length; i++) items.push(list[i]!); };
  if (style.indent > 0) items.push(box("", style.indent, 0));
  const tied = tieRussian(text);
  forEachSegment(tied, (from, to, spaceAfter) => {
    // Words of the segment, joined by no-break spaces.
    let start = from;
    for (let nb = tied.indexOf(NBSP, start); nb >= 0 && nb < to; nb = tied.indexOf(NBSP, start)) {
      if (nb > start) add(word(tied.slice(start, nb)));
      items.push(TIE, space);
      start = nb + 1;
    }
    if (to > start) add(word(tied.slice(start, to)));
    if (spaceAfter) items.push(space);
    else {
      const last = tied.charCodeAt(to - 1);
      items.push(last === 0x2d || last === 0x2010 ? AFTER_HYPHEN : AFTER_OTHER);
    }
  });
  // Drop a break opportunity left dangling at the very end, then finish ragged.
  while (items.length && items[items.length - 1]!.type !== "box") items.pop();
  add(FINISH);
  return items;
}
