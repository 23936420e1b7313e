import { describe, expect, it } from "vitest";
import { japaneseUnits } from "./segment-ja";

const units = (text: string) => {
  const u = japaneseUnits(text);
  return u.bounds.slice(0, -1).map((b, i) => u.text.slice(b, u.bounds[i + 1]));
};

describe("japaneseUnits", () => {
  it("breaks between any two kana or kanji, and keeps Latin and digit words whole", () => {
    expect(units("新潟市とG20、2019年")).toEqual(["新", "潟", "市", "と", "G20", "、", "2019", "年"]);
    expect(japaneseUnits("G20と").word).toEqual([true, false]);
  });

  it("keeps a combining mark with the letter it modifies, inside a word or alone", () => {
    const cafe = "cafe\u0301";
    expect(units(`${cafe}で`)).toEqual([cafe, "で"]);
    expect(units("e\u0301で")).toEqual(["e\u0301", "で"]);
    expect(japaneseUnits("e\u0301で").word).toEqual([false, false]);
    expect(units("x\u0302\u0323y")).toEqual(["x\u0302\u0323y"]);
  });

  it("keeps a combining dakuten and a variation selector with their character", () => {
    expect(units("か\u3099き")).toEqual(["か\u3099", "き"]);
    expect(units("葛\uFE00城")).toEqual(["葛\uFE00", "城"]);
    expect(units("—\u0301—")).toEqual(["—\u0301", "—"]);
  });

  it("still pairs doubled dashes and leaders", () => {
    expect(units("あ——い……")).toEqual(["あ", "——", "い", "……"]);
  });
});
