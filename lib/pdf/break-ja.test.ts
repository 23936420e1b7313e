import { describe, expect, it } from "vitest";
import { typesetJapanese } from "./break-ja";
import { NO_LINE_END, NO_LINE_START } from "./kinsoku";
import { measure } from "./measure";
import { STYLES } from "./style";
import { fakeFace } from "./testing/fake-font";
import type { TypesetLine } from "./line";

const face = fakeFace();
const style = { ...STYLES.body("ja"), size: 10, indent: 0 };
const text = (l: TypesetLine) => l.runs.map((r) => r.text).join("");

describe("Japanese line breaking", () => {
  it("never starts a line with closing punctuation or small kana, nor ends one with an opening bracket", () => {
    // 10 ems a line; each sample puts a forbidden character exactly at a naive break.
    const samples = [
      "あいうえおかきくけこ。さしすせそ",
      "あいうえおかきくけこっさしすせそ",
      "あいうえおかきくけ「こさしすせそ」",
      "あいうえおかきくけこーさしすせそ",
      "あいうえおかきくけこ々さしすせそ",
      "あいうえおかきくけこ）さしすせそ",
    ];
    for (const sample of samples) {
      const lines = typesetJapanese(sample, style, face, 100);
      expect(lines.map(text).join("")).toBe(sample);
      for (const line of lines) {
        const t = text(line);
        expect(NO_LINE_START.has(t[0]!)).toBe(false);
        expect(NO_LINE_END.has(t[t.length - 1]!)).toBe(false);
      }
    }
  });

  it("justifies pushed-back lines to the full measure by spacing characters, leaving the last line ragged", () => {
    const lines = typesetJapanese("あいうえおかきくけこ。さしすせそ", style, face, 100);
    expect(lines).toHaveLength(2);
    // Ten characters fit, but 。 may not start the next line, so こ goes down with it.
    expect(text(lines[0]!)).toBe("あいうえおかきくけ");
    expect(lines[0]!.width).toBeCloseTo(100, 9);
    expect(lines[0]!.letterSpacing).toBeCloseTo(10 / 8, 9);
    expect(lines[1]!.justified).toBe(false);
    expect(lines[1]!.letterSpacing).toBe(0);
  });

  it("keeps digits and Latin words whole and does not space them out", () => {
    const broken = typesetJapanese("あいうえおかきくけ2019年のTOR制度", style, face, 100);
    expect(broken.map(text)).toEqual(["あいうえおかきくけ", "2019年のTOR制度"]);

    const lines = typesetJapanese("あいう2019えおかきく。さしすせ", style, face, 100);
    expect(text(lines[0]!)).toBe("あいう2019えおかき");
    expect(lines[0]!.width).toBeCloseTo(100, 9);
    const word = lines[0]!.runs.find((r) => r.text === "2019")!;
    expect(word.letterSpacing).toBe(0);
    const gap = 10 / 7;
    expect(lines[0]!.runs.filter((r) => r !== word).every((r) => Math.abs((r.letterSpacing ?? 0) - gap) < 1e-9)).toBe(true);
    // The word starts one gap after あいう and the next character one gap after the word.
    expect(word.x).toBeCloseTo(30 + 3 * gap, 9);
    expect(lines[0]!.runs[2]!.x).toBeCloseTo(30 + 20 + 4 * gap, 9);
  });

  it("indents the first line by one em", () => {
    const lines = typesetJapanese("あいうえおかきくけこさしすせそ", { ...style, indent: 10 }, face, 100);
    expect(lines[0]!.runs[0]!.x).toBe(10);
    expect(measure(face, 10, text(lines[0]!))).toBe(90);
  });
});
