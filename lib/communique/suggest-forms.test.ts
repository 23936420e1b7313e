import { describe, expect, it } from "vitest";
import { xxviiSeed } from "@/prisma/seed/xxvii-data";
import { suggestCityLocativeRu, suggestGenitiveRu } from "./suggest-forms";

describe("suggestCityLocativeRu", () => {
  it("suggests every seeded city's form exactly as the model communiqué has it", () => {
    for (const city of xxviiSeed.cities) expect(suggestCityLocativeRu(city.name.ru, city.side), city.key).toBe(city.nameLocative);
  });

  it("declines Russian cities by their ending, every part of a hyphenated name", () => {
    expect(suggestCityLocativeRu("Владивосток", "RU")).toBe("Владивостоке");
    expect(suggestCityLocativeRu("Южно-Сахалинск", "RU")).toBe("Южно-Сахалинске");
    expect(suggestCityLocativeRu("Комсомольск-на-Амуре", "RU")).toBe("Комсомольске-на-Амуре");
    expect(suggestCityLocativeRu("Советская Гавань", "RU")).toBe("Советской Гавани");
    expect(suggestCityLocativeRu("Ярославль", "RU")).toBe("Ярославле");
    expect(suggestCityLocativeRu("Пермь", "RU")).toBe("Перми");
    expect(suggestCityLocativeRu("Улан-Удэ", "RU")).toBe("Улан-Удэ");
    expect(suggestCityLocativeRu("Биробиджан", "RU")).toBe("Биробиджане");
    expect(suggestCityLocativeRu("Магадан", "RU")).toBe("Магадане");
  });

  it("keeps a Japanese city in the nominative after «г.», and an empty name empty", () => {
    expect(suggestCityLocativeRu("Сакаиминато", "JP")).toBe("Сакаиминато");
    expect(suggestCityLocativeRu("Отару", "JP")).toBe("Отару");
    expect(suggestCityLocativeRu("  ", "RU")).toBe("");
  });
});

describe("suggestGenitiveRu", () => {
  it("suggests both seeded associations' genitive exactly", () => {
    for (const a of xxviiSeed.associations) expect(suggestGenitiveRu(a.name.ru), a.key).toBe(a.nameGenitive.ru);
  });

  it("declines leading adjectives and the head noun, and keeps the genitive tail", () => {
    expect(suggestGenitiveRu("Японская ассоциация мэров")).toBe("Японской ассоциации мэров");
    expect(suggestGenitiveRu("Союз городов Сибири")).toBe("Союза городов Сибири");
    expect(suggestGenitiveRu("Российский союз муниципалитетов")).toBe("Российского союза муниципалитетов");
    expect(suggestGenitiveRu("Палата мэров")).toBe("Палаты мэров");
    expect(suggestGenitiveRu("Лига городов")).toBe("Лиги городов");
  });

  it("leaves an abbreviation and what follows it as they are", () => {
    expect(suggestGenitiveRu("АТЭС городов")).toBe("АТЭС городов");
  });
});
