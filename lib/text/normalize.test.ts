import { describe, expect, it } from "vitest";
import { normalizeLine, normalizeParagraph } from "./normalize";

const DECOMPOSED_I = "\u0438\u0306"; // и + combining breve
const COMPOSED_I = "\u0439"; // й

describe("normalizeLine", () => {
  it("composes decomposed characters (NFC)", () => {
    const input = `Хабаровски${DECOMPOSED_I}`;
    expect(input).not.toBe(input.normalize("NFC"));
    expect(normalizeLine(`Хабаровски${DECOMPOSED_I}`)).toBe(`Хабаровски${COMPOSED_I}`);
    expect(normalizeLine(`Хабаровски${DECOMPOSED_I}`)).toHaveLength("Хабаровский".length);
  });

  it("removes C0 and C1 control characters", () => {
    expect(normalizeLine("Мэр\u0000 города\u0007 Ниигата\u001B\u007F\u0085\u009F")).toBe("Мэр города Ниигата");
  });

  it("removes bidi embeddings, overrides and isolates", () => {
    const bidi = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";
    expect(normalizeLine(`abc${bidi}def`)).toBe("abcdef");
    expect(normalizeLine("\u202Eгород\u202C")).toBe("город");
  });

  it("collapses runs of spaces, tabs and newlines into one space", () => {
    expect(normalizeLine("Мэр \t  города\n\nХабаровска")).toBe("Мэр города Хабаровска");
  });

  it("trims surrounding white space", () => {
    expect(normalizeLine("  \t Россия \n ")).toBe("Россия");
  });

  it("turns a string of only white space and controls into the empty string", () => {
    expect(normalizeLine(" \u0000\t\u202E ")).toBe("");
  });

  it("leaves Japanese text untouched", () => {
    const ja = "日ロ沿岸市長会代表幹事、新潟市長・ペトロパブロフスク・カムチャツキー市（TOR）";
    expect(normalizeLine(ja)).toBe(ja);
  });

  it("leaves already clean Russian text untouched", () => {
    const ru = "Встреча мэров городов Сибири и Дальнего Востока РФ — «XXVII»";
    expect(normalizeLine(ru)).toBe(ru);
  });
});

describe("normalizeParagraph", () => {
  it("composes decomposed characters (NFC)", () => {
    expect(normalizeParagraph(`Благовещенски${DECOMPOSED_I}`)).toBe(`Благовещенски${COMPOSED_I}`);
    expect(normalizeParagraph("\u30CF\u309A")).toBe("\u30D1"); // ハ + ゚ → パ
  });

  it("turns CRLF and lone CR into LF", () => {
    expect(normalizeParagraph("первая\r\nвторая\rтретья")).toBe("первая\nвторая\nтретья");
  });

  it("keeps single newlines", () => {
    expect(normalizeParagraph("первая\nвторая")).toBe("первая\nвторая");
  });

  it("collapses runs of blank lines to one blank line", () => {
    expect(normalizeParagraph("абзац 1\n\n\n\n\nабзац 2")).toBe("абзац 1\n\nабзац 2");
    expect(normalizeParagraph("абзац 1\r\n\r\n\r\n\r\nабзац 2")).toBe("абзац 1\n\nабзац 2");
  });

  it("treats lines of only spaces as blank lines", () => {
    expect(normalizeParagraph("абзац 1\n   \n\t\n  \nабзац 2")).toBe("абзац 1\n\nабзац 2");
  });

  it("collapses tabs and spaces within a line and removes them around newlines", () => {
    expect(normalizeParagraph("Мэр\t\t города  \n   Ниигата")).toBe("Мэр города\nНиигата");
  });

  it("removes control characters and bidi overrides but not newlines", () => {
    expect(normalizeParagraph("a\u0000b\u202Ec\n\u2066d\u0008")).toBe("abc\nd");
  });

  it("trims surrounding white space and blank lines", () => {
    expect(normalizeParagraph("\n\n  текст  \n\n")).toBe("текст");
  });

  it("leaves Japanese text with line breaks untouched", () => {
    const ja = "日ロ沿岸市長会議は、経済、観光及び文化の分野における協力について協議した。\n\n双方は、次回会議を日本で開催することに合意した。";
    expect(normalizeParagraph(ja)).toBe(ja);
  });
});

describe("white-space control characters", () => {
  it("turns a lone carriage return, vertical tab or form feed into a space in a line instead of gluing words", () => {
    expect(normalizeLine("Мэр\rгорода\vНиигата\fи")).toBe("Мэр города Ниигата и");
  });

  it("turns them into line breaks in a paragraph", () => {
    expect(normalizeParagraph("Первый\rВторой\fТретий")).toBe("Первый\nВторой\nТретий");
  });

  it("keeps the ideographic space inside Japanese text and trims it at the ends", () => {
    expect(normalizeLine("\u3000中原\u3000八一\u3000")).toBe("中原\u3000八一");
    expect(normalizeParagraph("\u3000中原\u3000八一")).toBe("中原\u3000八一");
  });
});
