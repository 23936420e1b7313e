import { describe, expect, it } from "vitest";
import { hyphenationPoints } from "./hyphenate-ru";
import { segmentRussian, tieRussian } from "./segment-ru";

const NBSP = "\u00a0";

describe("tieRussian", () => {
  it("binds one-letter words to the next word", () => {
    for (const w of ["в", "с", "и", "к", "о", "у", "а", "я", "В", "С"]) {
      expect(tieRussian(`слово ${w} России`)).toBe(`слово ${w}${NBSP}России`);
    }
    expect(tieRussian("в России")).toBe(`в${NBSP}России`);
  });

  it("puts a no-break space before a dash", () => {
    expect(tieRussian("Россия — Япония")).toBe(`Россия${NBSP}— Япония`);
  });

  it("ties initials, years and «г.»", () => {
    expect(tieRussian("Калита В. С.")).toBe(`Калита${NBSP}В.${NBSP}С.`);
    expect(tieRussian("в мае 2016 г., и в г. Хабаровске")).toBe(`в${NBSP}мае 2016${NBSP}г., и${NBSP}в${NBSP}г.${NBSP}Хабаровске`);
  });

  it("leaves longer words and abbreviations alone", () => {
    expect(tieRussian("мэры городов")).toBe("мэры городов");
    expect(tieRussian("И.о. заместителя")).toBe("И.о. заместителя");
  });
});

describe("segmentRussian", () => {
  it("breaks after spaces and after a hyphen in a compound, never at a no-break space", () => {
    const segments = segmentRussian(tieRussian("российско-японских обменов в России"));
    expect(segments).toEqual([
      { text: "российско-", spaceAfter: false },
      { text: "японских", spaceAfter: true },
      { text: "обменов", spaceAfter: true },
      { text: `в${NBSP}России`, spaceAfter: false },
    ]);
  });
});

describe("hyphenationPoints", () => {
  it("keeps at least two letters on each side", () => {
    for (const word of ["сотрудничества", "взаимовыгодных", "объёмов", "Японии", "мая", "эффективность"]) {
      for (const p of hyphenationPoints(word)) {
        expect(p).toBeGreaterThanOrEqual(2);
        expect(word.length - p).toBeGreaterThanOrEqual(2);
      }
    }
    expect(hyphenationPoints("сотрудничества").length).toBeGreaterThan(2);
  });

  it("does not hyphenate abbreviations, short words or numbers", () => {
    expect(hyphenationPoints("ТОРов")).toEqual([]);
    expect(hyphenationPoints("РФ")).toEqual([]);
    expect(hyphenationPoints("года")).toEqual([]);
    expect(hyphenationPoints("2019")).toEqual([]);
  });
});
