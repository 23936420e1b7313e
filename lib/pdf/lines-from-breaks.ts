import type { Lang } from "@/lib/communique/content";
import type { Break } from "./break-knuth-plass";
import type { Item } from "./items";
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
  for (let n = 0; n < breaks.length; n++) {
    const brk = breaks[n]!;
    while (start < brk.position && items[start]!.type !== "box") start++;
    let end = brk.position - 1;
    while (end >= start && items[end]!.type !== "box") end--;
    const at = items[brk.position];
    const hyphen = at?.type === "penalty" && at.text ? at : undefined;
    lines.push(buildLine(items, start, end + 1, hyphen?.width ?? 0, hyphen !== undefined, n === breaks.length - 1, ctx));
    start = brk.position + 1;
  }
  return lines;
}

/** Sets items[from … to) as one line. Glue objects may be shared, so spacing is worked out per position. */
function buildLine(items: Item[], from: number, to: number, hyphenWidth: number, hyphen: boolean, isLast: boolean, ctx: Context): TypesetLine {
  const { style, width } = ctx;
  const track = style.tracking * style.size;
  let glyphs = 0;
  let glues = 0;
  let shrink = 0;
  let stretch = 0;
  let natural = hyphen ? hyphenWidth : -track;
  for (let i = from; i < to; i++) {
    const item = items[i]!;
    if (item.type === "box") { natural += item.width; glyphs += item.glyphs; }
    else if (item.type === "glue") { natural += item.width; glues++; shrink += item.shrink; stretch += item.maxStretch; }
  }
  const justify = style.align === "justify" && !isLast;
  const words = 1 + glues;
  // Letter spacing widens the gaps between glyphs of a word, not the word spaces.
  const innerGaps = glyphs - words + (hyphen ? 1 : 0);
  let letterSpacing = 0;
  let shortfall = width - natural;
  // How each glue's extra width is found: squeezed (also on a last line, whose break the
  // total-fit pass chose knowing it could shrink), stretched, or left natural.
  let mode: "shrink" | "stretch" | "none" = "none";
  let squeeze = 0;
  let used = 0;
  let leftover = 0;
  if (shortfall < 0 && shrink > 0) {
    mode = "shrink";
    squeeze = Math.max(shortfall, -shrink);
  } else if (justify && shortfall > 0) {
    mode = "stretch";
    used = Math.min(shortfall, stretch);
    shortfall -= used;
    if (shortfall > 1e-9 && innerGaps > 0) {
      letterSpacing = Math.min(RU_SPACING.maxLetterSpacing * style.size, shortfall / innerGaps);
      shortfall -= letterSpacing * innerGaps;
    }
    // Nothing left to give but wider spaces: the checker will flag such a line.
    if (shortfall > 1e-9 && glues) leftover = shortfall / glues;
  }
  const runs: Run[] = [];
  let cursor = 0;
  let current: Run | null = null;
  // When the open run is exactly one whole word: that word with its space after it.
  let spaced: string | null = null;
  for (let i = from; i < to; i++) {
    const item = items[i]!;
    if (item.type === "box" && item.text === "") {
      cursor += item.width;
    } else if (item.type === "box") {
      const word = item.word;
      if (!current && word && i + word.items <= to) {
        // A whole word starts the run: take its text as is rather than joining its parts.
        runs.push((current = { text: word.text, x: cursor }));
        spaced = word.spaced;
        for (const end = i + word.items; i < end; i++) {
          const part = items[i]!;
          if (part.type === "box") cursor += part.width + letterSpacing * part.glyphs;
        }
        i--;
        continue;
      }
      if (!current) runs.push((current = { text: "", x: cursor }));
      current.text += item.text;
      spaced = null;
      cursor += item.width + letterSpacing * item.glyphs;
    } else if (item.type === "glue") {
      if (current) current.text = spaced ?? `${current.text} `;
      current = null;
      spaced = null;
      let extra = 0;
      if (mode === "shrink") extra = (squeeze * item.shrink) / shrink;
      else if (mode === "stretch") {
        extra = stretch > 0 ? (used * item.maxStretch) / stretch : 0;
        if (leftover) extra += leftover;
      }
      // The pen already carries the letter spacing after the word's last glyph.
      cursor += item.width + extra - letterSpacing;
    }
  }
  const usedWidth = hyphen ? cursor + hyphenWidth : cursor - track - letterSpacing;
  const offset = justify ? 0 : style.align === "center" ? (width - usedWidth) / 2 : style.align === "right" ? width - usedWidth : 0;
  const placed: Run[] = [];
  for (const r of runs) if (r.text !== "") placed.push(offset ? { text: r.text, x: r.x + offset } : r);
  return {
    lang: ctx.lang,
    weight: style.weight,
    size: style.size,
    gray: style.gray,
    runs: placed,
    letterSpacing: letterSpacing + track,
    hyphenAt: hyphen ? cursor + offset : undefined,
    width: usedWidth + offset,
    justified: justify,
  };
}
