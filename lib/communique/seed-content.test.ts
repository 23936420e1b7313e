import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Block, CommuniqueContent } from "./content";
import { seedCommuniqueContent } from "./seed-content";

/**
 * The signed Russian original as extracted from its Word file: paragraphs separated by
 * blank lines, the participants as tab-separated rows, the signature grid scrambled.
 */
const original = readFileSync(new URL("./fixtures/communique-xxvii-2019.ru.txt", import.meta.url), "utf8");

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

function originalParagraphs(): string[] {
  const paragraphs = original
    .split(/\n[ \t\u00a0]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== "");
  // One clause is cut by a page break right after its ", а".
  const joined: string[] = [];
  for (const paragraph of paragraphs) {
    const previous = joined[joined.length - 1];
    if (previous !== undefined && /,\s*а$/.test(previous)) joined[joined.length - 1] = `${previous} ${paragraph}`;
    else joined.push(paragraph);
  }
  return joined.map(squash);
}

/** The Russian column laid out as the original's paragraphs. */
function russianParagraphs(blocks: Block[]): string[] {
  return blocks.flatMap((block) => {
    if (block.kind !== "participants") return [block.text.ru];
    return [
      block.intro.ru,
      ...block.groups.flatMap((group) => [
        group.heading.ru,
        group.rows.map((row) => `${row.title.ru}\t${row.name.ru}`).join("\n"),
      ]),
    ];
  }).map(squash);
}

describe("the XXVII communiqué generated from the seed", () => {
  const content: CommuniqueContent = seedCommuniqueContent();
  const paragraphs = originalParagraphs();
  const formula = "Настоящее коммюнике подписано в двух экземплярах на русском и японском языках, имеющих равную силу.";
  const formulaIndex = paragraphs.indexOf(formula);

  it("reproduces the Russian original paragraph by paragraph, up to the formula", () => {
    expect(formulaIndex).toBeGreaterThan(0);
    expect(russianParagraphs(content.blocks)).toEqual(paragraphs.slice(0, formulaIndex + 1));
  });

  it("prints the original's signing date", () => {
    expect(content.signing.placeDate.ru).toBe(paragraphs[paragraphs.length - 1]);
    expect(content.signing.placeDate.ja).toBe("2019年8月24日");
    expect(content.signing.date).toBe("2019-08-24");
  });

  it("has exactly the original's signature titles and names, in the agreed order", () => {
    const grid = paragraphs.slice(formulaIndex + 1, -1);
    // The extraction lost one full stop: "Калита В. С".
    const normalise = (text: string) => text.replace(/ ([А-ЯЁ])$/, " $1.");
    const printed = content.signatories.flatMap((entry) => [entry.title.ru, entry.name.ru]);
    expect([...grid.map(normalise)].sort()).toEqual([...printed].sort());
    expect(content.signatories.map((entry) => `${entry.side} ${entry.name.ru}`)).toEqual([
      "RU Кравчук С. А.",
      "JP НАКАХАРА Яити",
      "RU Калита В. С.",
      "JP ТАТАМИ Рёдзо",
      "RU Гладких Б. И.",
      "JP МАЦУДА Сигэто",
      "RU Иваненко В. Ю.",
      "JP ХОНДА Синдзи",
    ]);
  });

  it("lets Кравчук sign while Иванова takes part", () => {
    const signers = content.signatories.map((entry) => entry.name.ru);
    const participantsBlock = content.blocks.find((block) => block.kind === "participants");
    const attendees =
      participantsBlock?.kind === "participants"
        ? participantsBlock.groups.flatMap((group) => group.rows.map((row) => row.name.ru))
        : [];
    expect(signers).toContain("Кравчук С. А.");
    expect(signers).not.toContain("Иванова Т.Н.");
    expect(attendees).toContain("Иванова Т.Н.");
    expect(attendees).not.toContain("Кравчук С. А.");
    expect(attendees).toHaveLength(8);
  });

  it("uses stable ids and keeps the clauses unnumbered", () => {
    expect(content.blocks.map((block) => block.id)).toEqual([
      "title",
      "meeting-line",
      "preamble",
      "participants",
      "topics",
      ...Array.from({ length: 10 }, (_, index) => `clause-${index + 1}`),
      "closing",
      "formula",
    ]);
    expect(content.blocks.some((block) => "number" in block)).toBe(false);
    expect(content.signatories[0]?.id).toBe("signatory-kravchuk");
  });

  it("fills the header, the meeting summary and the Japanese standard parts", () => {
    expect(content.schema).toBe(1);
    expect(content.meeting).toEqual({
      ordinal: "XXVII",
      hostCity: { ru: "Петропавловск-Камчатский", ja: "ペトロパブロフスク・カムチャツキー市" },
      startDate: "2019-08-20",
      endDate: "2019-08-25",
    });
    expect(content.shortTitle).toEqual({
      ru: "Коммюнике XXVII Встречи мэров",
      ja: "第27回日ロ沿岸市長会議 共同コミュニケ",
    });
    const japanese = Object.fromEntries(
      content.blocks.filter((block) => block.kind !== "clause").map((block) => [
        block.id,
        block.kind === "participants" ? block.intro.ja : block.text.ja,
      ]),
    );
    expect(japanese).toEqual({
      title: "共同コミュニケ",
      "meeting-line": "第27回日ロ沿岸市長会議",
      preamble:
        "ロ日極東シベリア友好協会の招請により、日ロ沿岸市長会代表団は、2019年8月20日から25日まで、" +
        "ペトロパブロフスク・カムチャツキー市において開催された第27回日ロ沿岸市長会議に出席するため、ロシアを訪問した。",
      participants: "本会議には、次の者が出席した。",
      topics:
        "会議参加者は、経済界及び観光業界の関係者の参加を得て、" +
        "「日本海沿岸地域とロシア極東シベリア地域諸都市間の経済協力の促進」（経済）及び" +
        "「両地域諸都市におけるインバウンド・アウトバウンドの取り組みと相互協力」（観光）の2つのテーマについて、" +
        "具体的な議論を行った。",
      closing:
        "会議参加者は、このような会議の有効性及び必要性を認め、次回の第28回日ロ沿岸市長会議を2021年に日本で開催することとした。",
      formula: "本共同コミュニケは、ひとしく効力を有する日本語及びロシア語により2通作成され、署名された。",
    });
  });
});
