import { describe, expect, it } from "vitest";
import { breakGreedy } from "./break-greedy";
import { breakLines } from "./break-knuth-plass";
import { measure } from "./measure";
import { RU_SPACING, STYLES } from "./style";
import { fakeFace } from "./testing/fake-font";
import { russianItems, typesetRussian } from "./typeset-ru";
import type { TypesetLine } from "./line";

const face = fakeFace();
const style = { ...STYLES.body("ru"), size: 10, indent: 0 };
const WIDTH = 200; // 40 Cyrillic letters of 5 pt

const TEXT =
  "Стороны признали важность принятия мер в сфере активизации двусторонних туристических обменов " +
  "с целью увеличения туристического потока, а также пришли к согласию рассмотреть взаимное направление " +
  "представителей туристических кругов на ознакомительные поездки, участие их в туристических выставках и ярмарках.";

/** Word spaces of a line in ems: gap between the end of one run's letters and the next run. */
function spaces(line: TypesetLine): number[] {
  const out: number[] = [];
  for (let i = 1; i < line.runs.length; i++) {
    const prev = line.runs[i - 1]!;
    const word = prev.text.replace(/ $/, "");
    const end = prev.x + measure(face, style.size, word) + line.letterSpacing * [...word].length;
    out.push((line.runs[i]!.x - end) / style.size);
  }
  return out;
}

describe("total-fit Russian justification", () => {
  const lines = typesetRussian(TEXT, style, face, WIDTH);

  it("fills every line but the last to the measure", () => {
    for (const line of lines.slice(0, -1)) {
      expect(line.justified).toBe(true);
      expect(line.width).toBeCloseTo(WIDTH, 6);
    }
    const last = lines[lines.length - 1]!;
    expect(last.justified).toBe(false);
    expect(last.width).toBeLessThan(WIDTH);
  });

  it("keeps word spaces between 0.25 and 1 em, and the last line at natural spacing", () => {
    for (const line of lines) {
      for (const s of spaces(line)) {
        expect(s).toBeGreaterThanOrEqual(RU_SPACING.min - 1e-9);
        expect(s).toBeLessThanOrEqual(RU_SPACING.max + 1e-9);
      }
      expect(line.letterSpacing).toBeLessThanOrEqual(RU_SPACING.maxLetterSpacing * style.size + 1e-9);
    }
    for (const s of spaces(lines[lines.length - 1]!)) expect(s).toBeCloseTo(RU_SPACING.natural, 9);
  });

  it("never hyphenates more than two lines in a row", () => {
    for (let i = 2; i < lines.length; i++) {
      expect([lines[i - 2], lines[i - 1], lines[i]].every((l) => l!.hyphenAt !== undefined)).toBe(false);
    }
  });

  it("never ends a line on a one-letter word", () => {
    for (const line of lines.slice(0, -1)) {
      const last = line.runs[line.runs.length - 1]!.text.trim();
      expect(last).not.toMatch(/^[вскоуаяи]$/i);
    }
  });

  it("spreads the looseness more evenly than first-fit breaking", () => {
    const items = russianItems(TEXT, style, face);
    const ratios = (breaks: { position: number }[]) => {
      let start = 0;
      return breaks.slice(0, -1).map((b) => {
        let natural = 0, stretch = 0;
        for (let i = start; i < b.position; i++) {
          const it = items[i]!;
          if (it.type === "box") natural += it.width;
          if (it.type === "glue" && i > start) { natural += it.width; stretch += it.stretch; }
        }
        const at = items[b.position]!;
        if (at.type === "penalty") natural += at.width;
        start = b.position + 1;
        return (WIDTH - natural) / Math.max(stretch, 1e-9);
      });
    };
    const kp = ratios(breakLines(items, { lineWidth: WIDTH, letterStretch: 0.2, maxConsecutiveHyphens: 2 }));
    const greedy = ratios(breakGreedy(items, WIDTH));
    const cost = (r: number[]) => r.reduce((s, x) => s + x * x, 0);
    expect(cost(kp)).toBeLessThan(cost(greedy));
  });
});
