import type { FontFace } from "./measure";
import { glyphCount, measure } from "./measure";
import { breakLines } from "./break-knuth-plass";
import { breakGreedy } from "./break-greedy";
import { hyphenationPoints } from "./hyphenate-ru";
import { box, glue, INFINITY, penalty, type Item } from "./items";
import { linesFromBreaks } from "./lines-from-breaks";
import type { TypesetLine } from "./line";
import { segmentRussian, tieRussian } from "./segment-ru";
import { RU_SPACING, type ParagraphStyle } from "./style";

const HYPHEN_PENALTY = 50;
/**
 * Boxes and hyphenation penalties of a word, by face, size and tracking. Words recur
 * endlessly in official prose; the items are read-only, so they are shared.
 */
const WORDS = new Map<string, Item[]>();
const EXPLICIT_HYPHEN_PENALTY = 50;

/** Sets a Russian paragraph: total-fit justified, or greedy when ragged or centred. */
export function typesetRussian(text: string, style: ParagraphStyle, face: FontFace, width: number): TypesetLine[] {
  const items = russianItems(text, style, face);
  const em = style.size;
  const breaks =
    style.align === "justify"
      ? breakLines(items, {
          lineWidth: width,
          letterStretch: RU_SPACING.maxLetterSpacing * em,
          maxConsecutiveHyphens: 2,
        })
      : breakGreedy(items, width);
  return linesFromBreaks(items, breaks, { style, face, width, lang: "ru" });
}

export function russianItems(text: string, style: ParagraphStyle, face: FontFace): Item[] {
  const em = style.size;
  const track = style.tracking * em;
  const space = () =>
    glue(RU_SPACING.natural * em, (RU_SPACING.ideal - RU_SPACING.natural) * em,
      (RU_SPACING.max - RU_SPACING.natural) * em, (RU_SPACING.natural - RU_SPACING.min) * em);
  const hyphenWidth = measure(face, style.size, "-");
  const word = (piece: string): Item[] => {
    const key = `${face.name}\u0000${em}\u0000${track}\u0000${piece}`;
    const hit = WORDS.get(key);
    if (hit) return hit;
    const cuts = new Set<number>();
    for (const m of piece.matchAll(/\p{L}+/gu)) {
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
    if (WORDS.size > 100_000) WORDS.clear();
    WORDS.set(key, out);
    return out;
  };

  const items: Item[] = [];
  if (style.indent > 0) items.push(box("", style.indent, 0));
  for (const segment of segmentRussian(tieRussian(text))) {
    const pieces = segment.text.split("\u00a0");
    pieces.forEach((piece, i) => {
      if (i > 0) items.push(penalty(0, INFINITY, false), space());
      if (piece) items.push(...word(piece));
    });
    if (segment.spaceAfter) items.push(space());
    else items.push(penalty(0, EXPLICIT_HYPHEN_PENALTY, /[-‐]$/.test(segment.text)));
  }
  // Drop a break opportunity left dangling at the very end, then finish ragged.
  while (items.length && items[items.length - 1]!.type !== "box") items.pop();
  items.push(penalty(0, INFINITY, false), glue(0, Infinity, Infinity, 0), penalty(0, -INFINITY, false));
  return items;
}
