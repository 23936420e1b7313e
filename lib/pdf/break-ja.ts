import type { FontFace } from "./measure";
import { glyphCount, measure } from "./measure";
import { mayEndLine, mayStartLine } from "./kinsoku";
import type { Run, TypesetLine } from "./line";
import { isWordUnit, segmentJapanese } from "./segment-ja";
import type { ParagraphStyle } from "./style";

interface Unit {
  text: string;
  width: number;
}

/**
 * Japanese lines are filled greedily; where the break would leave a forbidden
 * character at a line start or end, characters are pushed to the next line
 * (oidashi) and the line is justified by spacing out the remaining characters.
 */
export function typesetJapanese(text: string, style: ParagraphStyle, face: FontFace, width: number): TypesetLine[] {
  const track = style.tracking * style.size;
  const units: Unit[] = segmentJapanese(text).map((t) => ({
    text: t,
    width: measure(face, style.size, t) + track * glyphCount(t),
  }));
  const lines: Unit[][] = [];
  let start = 0;
  while (start < units.length) {
    while (start < units.length && units[start]!.text === " ") start++;
    if (start >= units.length) break;
    const available = width - (lines.length === 0 ? style.indent : 0);
    let end = start;
    let used = 0;
    while (end < units.length && used + units[end]!.width - track <= available + 1e-6) used += units[end++]!.width;
    if (end === start) end = start + 1; // a single unit wider than the measure overflows rather than loops
    if (end < units.length) end = kinsokuBreak(units, start, end);
    lines.push(units.slice(start, end));
    start = end;
  }
  return lines.map((line, n) =>
    placeJapaneseLine(line, style, width, n === 0 ? style.indent : 0, n === lines.length - 1),
  );
}

/** Moves the break back until the next line may start with its first unit and this line may end with its last. */
function kinsokuBreak(units: Unit[], start: number, end: number): number {
  let e = end;
  while (e > start + 1 && (!mayStartLine(units[e]!.text) || !mayEndLine(units[e - 1]!.text))) e--;
  return e;
}

function placeJapaneseLine(units: Unit[], style: ParagraphStyle, width: number, indent: number, last: boolean): TypesetLine {
  const trimmed = units.slice();
  while (trimmed.length && trimmed[trimmed.length - 1]!.text === " ") trimmed.pop();
  const track = style.tracking * style.size;
  const natural = trimmed.reduce((s, u) => s + u.width, 0) - track;
  const justify = style.align === "justify" && !last && trimmed.length > 1;
  const gap = justify ? Math.max(0, (width - indent - natural) / (trimmed.length - 1)) : 0;
  const offset =
    style.align === "center" ? (width - natural) / 2 : style.align === "right" ? width - natural : indent;
  const runs: Run[] = [];
  let x = offset;
  let open: Run | null = null;
  for (const unit of trimmed) {
    if (isWordUnit(unit.text) && gap > 0) {
      // Whole words keep their own spacing; the gap goes around them, not inside.
      runs.push({ text: unit.text, x, letterSpacing: track });
      open = null;
    } else if (open) {
      open.text += unit.text;
    } else {
      runs.push((open = { text: unit.text, x, letterSpacing: track + gap }));
    }
    x += unit.width + gap;
  }
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
