import { describe, expect, it } from "vitest";
import { fromRoman, toRoman } from "./roman";
import { byTopicsRu, countryLocativeRu, meetingNameGenitiveRu } from "./russian-forms";

describe("Roman ordinals", () => {
  it("converts both ways", () => {
    expect(fromRoman("XXVII")).toBe(27);
    expect(fromRoman("XXVIII")).toBe(28);
    expect(fromRoman("XLIX")).toBe(49);
    expect(toRoman(27)).toBe("XXVII");
    for (let value = 1; value <= 120; value += 1) expect(fromRoman(toRoman(value))).toBe(value);
  });

  it("accepts only the canonical spelling", () => {
    for (const bad of ["", "IIII", "VX", "xxvii", "XXVII ", "ХХVII"]) {
      expect(() => fromRoman(bad)).toThrow(RangeError);
    }
  });
});

describe("Russian inflection", () => {
  it("puts countries in the prepositional", () => {
    expect(countryLocativeRu("Россия")).toBe("России");
    expect(countryLocativeRu("Япония")).toBe("Японии");
    expect(countryLocativeRu("Российская Федерация")).toBe("Российской Федерации");
    expect(countryLocativeRu("Монголия")).toBe("Монголии");
    expect(() => countryLocativeRu("Китай")).toThrow();
  });

  it("declines the head of the meeting name", () => {
    expect(meetingNameGenitiveRu("Встреча мэров городов")).toBe("Встречи мэров городов");
    expect(meetingNameGenitiveRu("Встречи мэров городов")).toBe("Встречи мэров городов");
    expect(() => meetingNameGenitiveRu("Конференция мэров")).toThrow();
  });

  it("counts topics in the dative", () => {
    expect(byTopicsRu(1)).toBe("по теме");
    expect(byTopicsRu(2)).toBe("по двум темам");
    expect(byTopicsRu(3)).toBe("по трём темам");
    expect(byTopicsRu(5)).toBe("по пяти темам");
    expect(byTopicsRu(12)).toBe("по 12 темам");
    expect(() => byTopicsRu(0)).toThrow(RangeError);
  });
});
