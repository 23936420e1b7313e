import type { Lang } from "@/lib/communique/content";
import type { Break } from "./break-knuth-plass";
import type { Glue, Item } from "./items";
import type { Run, TypesetLine } from "./line";
import type { FontFace } from "./measure";
import { RU_SPACING, type ParagraphStyle } from "./style";

interface Context {
  style: ParagraphStyle;
  face: FontFace;
  width: number;
  lang: Lang;
}

/** Turns break positions into positioned runs: word spaces first, letter spacing only beyond 1 em. */
export function linesFromBreaks(items: Item[], breaks: Break[], ctx: Context): TypesetLine[] {
  const lines: TypesetLine[] = [];
  let start = 0;
  breaks.forEach((brk, n) => {
    while (start < brk.position && items[start]!.type !== "box") start++;
    let end = brk.position - 1;
    while (end >= start && items[end]!.type !== "box") end--;
    const slice = items.slice(start, end + 1);
    const at = items[brk.position];
    const hyphen = at?.type === "penalty" && at.text ? at : undefined;
    const isLast = n === breaks.length - 1;
    lines.push(buildLine(slice, hyphen?.width ?? 0, hyphen !== undefined, isLast, ctx));
    start = brk.position + 1;
  });
  return lines;
}

function buildLine(slice: Item[], hyphenWidth: number, hyphen: boolean, isLast: boolean, ctx: Context): TypesetLine {
  const { style, width } = ctx;
  const track = style.tracking * style.size;
  const glues = slice.filter((i): i is Glue => i.type === "glue");
  let glyphs = 0;
  let natural = hyphen ? hyphenWidth : -track;
  for (const item of slice) {
    if (item.type === "box") { natural += item.width; glyphs += item.glyphs; }
    if (item.type === "glue") natural += item.width;
  }
  const justify = style.align === "justify" && !isLast;
  const words = 1 + glues.length;
  // Letter spacing widens the gaps between glyphs of a word, not the word spaces.
  const innerGaps = glyphs - words + (hyphen ? 1 : 0);
  const extra = new Map<Glue, number>();
  let letterSpacing = 0;
  let shortfall = width - natural;
  const shrink = glues.reduce((s, g) => s + g.shrink, 0);
  if (shortfall < 0 && shrink > 0) {
    // Also a last line, whose break the total-fit pass chose knowing it could shrink.
    for (const g of glues) extra.set(g, (Math.max(shortfall, -shrink) * g.shrink) / shrink);
  } else if (justify) {
    const stretch = glues.reduce((s, g) => s + g.maxStretch, 0);
    if (shortfall > 0) {
      const used = Math.min(shortfall, stretch);
      for (const g of glues) extra.set(g, stretch > 0 ? (used * g.maxStretch) / stretch : 0);
      shortfall -= used;
      if (shortfall > 1e-9 && innerGaps > 0) {
        letterSpacing = Math.min(RU_SPACING.maxLetterSpacing * style.size, shortfall / innerGaps);
        shortfall -= letterSpacing * innerGaps;
      }
      // Nothing left to give but wider spaces: the checker will flag such a line.
      if (shortfall > 1e-9 && glues.length) for (const g of glues) extra.set(g, (extra.get(g) ?? 0) + shortfall / glues.length);
    }
  }
  const runs: Run[] = [];
  let cursor = 0;
  let current: Run | null = null;
  for (const item of slice) {
    if (item.type === "box" && item.text === "") {
      cursor += item.width;
    } else if (item.type === "box") {
      if (!current) runs.push((current = { text: "", x: cursor }));
      current.text += item.text;
      cursor += item.width + letterSpacing * item.glyphs;
    } else if (item.type === "glue") {
      if (current) current.text += " ";
      current = null;
      // The pen already carries the letter spacing after the word's last glyph.
      cursor += item.width + (extra.get(item) ?? 0) - letterSpacing;
    }
  }
  const used = hyphen ? cursor + hyphenWidth : cursor - track - letterSpacing;
  const offset = justify ? 0 : style.align === "center" ? (width - used) / 2 : style.align === "right" ? width - used : 0;
  const shifted = offset ? runs.map((r) => ({ text: r.text, x: r.x + offset })) : runs;
  return {
    lang: ctx.lang,
    weight: style.weight,
    size: style.size,
    gray: style.gray,
    runs: shifted.filter((r) => r.text !== ""),
    letterSpacing: letterSpacing + track,
    hyphenAt: hyphen ? cursor + offset : undefined,
    width: used + offset,
    justified: justify,
  };
}
