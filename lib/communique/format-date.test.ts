import { describe, expect, it } from "vitest";
import { formatDateJa, formatDateRangeJa, formatDateRangeRu, formatDateRu, parseIsoDate } from "./format-date";

describe("single dates", () => {
  it("writes the signing line with the genitive month", () => {
    expect(formatDateRu("2019-08-24")).toBe("24 августа 2019 года");
    expect(formatDateRu("2021-03-01")).toBe("1 марта 2021 года");
    expect(formatDateRu("2024-02-29", "short")).toBe("29 февраля 2024 г.");
    expect(formatDateJa("2019-08-24")).toBe("2019年8月24日");
    expect(formatDateJa("2021-12-05")).toBe("2021年12月5日");
  });

  it("names every month in the genitive", () => {
    const months = Array.from({ length: 12 }, (_, index) =>
      formatDateRu(`2020-${String(index + 1).padStart(2, "0")}-10`).split(" ")[1],
    );
    expect(months).toEqual([
      "января", "февраля", "марта", "апреля", "мая", "июня",
      "июля", "августа", "сентября", "октября", "ноября", "декабря",
    ]);
  });

  it("refuses what is not a calendar date", () => {
    expect(() => parseIsoDate("2019-02-29")).toThrow(RangeError);
    expect(() => parseIsoDate("2019-13-01")).toThrow(RangeError);
    expect(() => parseIsoDate("2019-8-24")).toThrow(RangeError);
    expect(() => parseIsoDate("24.08.2019")).toThrow(RangeError);
    expect(parseIsoDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
  });
});

describe("date ranges", () => {
  const cases: Array<[string, string, string, string]> = [
    ["2019-08-20", "2019-08-25", "с 20 по 25 августа 2019 г.", "2019年8月20日から25日まで"],
    ["2019-08-30", "2019-09-02", "с 30 августа по 2 сентября 2019 г.", "2019年8月30日から9月2日まで"],
    ["2019-12-30", "2020-01-02", "с 30 декабря 2019 г. по 2 января 2020 г.", "2019年12月30日から2020年1月2日まで"],
    ["2019-05-31", "2019-06-01", "с 31 мая по 1 июня 2019 г.", "2019年5月31日から6月1日まで"],
    ["2021-07-01", "2021-07-01", "1 июля 2021 г.", "2021年7月1日"],
    ["2023-02-27", "2023-03-01", "с 27 февраля по 1 марта 2023 г.", "2023年2月27日から3月1日まで"],
  ];

  it.each(cases)("%s – %s", (start, end, ru, ja) => {
    expect(formatDateRangeRu(start, end)).toBe(ru);
    expect(formatDateRangeJa(start, end)).toBe(ja);
  });

  it("refuses a range that ends before it starts", () => {
    expect(() => formatDateRangeRu("2019-08-25", "2019-08-20")).toThrow(RangeError);
    expect(() => formatDateRangeJa("2020-01-01", "2019-12-31")).toThrow(RangeError);
  });
});
