import { describe, expect, it } from "vitest";
import { xxviiSeed } from "@/prisma/seed/xxvii-data";
import { meetingFactsFromSeed, type MeetingFacts } from "./meeting-facts";
import { closing, participants, preamble, shortTitle, topics } from "./standard-parts";

const xxvii = meetingFactsFromSeed(xxviiSeed);

/** A meeting hosted by the Japanese side, spanning two months, with three topics. */
const hostedInJapan: MeetingFacts = {
  ...xxvii,
  ordinal: "XXVIII",
  number: 28,
  hostSide: "JP",
  hostCity: { name: { ru: "Ниигата", ja: "新潟市" }, nameLocativeRu: "Ниигата" },
  hostCountry: { ru: "Япония", ja: "日本" },
  startDate: "2021-09-29",
  endDate: "2021-10-02",
  invitingAssociation: xxvii.guestAssociation,
  guestAssociation: xxvii.invitingAssociation,
  guestDelegation: {
    ru: "Ассоциации мэров городов Дальнего Востока и Сибири по дружественным связям с городами Японии",
    ja: "ロ日極東シベリア友好協会",
  },
  topics: [
    ...xxvii.topics,
    { key: "culture", name: { ru: "культура", ja: "文化" }, title: { ru: "Культурные обмены", ja: "文化交流" } },
  ],
  nextMeeting: { ordinal: "XXIX", year: 2023, country: { ru: "Россия", ja: "ロシア" } },
  signing: { date: "2021-10-01", place: { ru: "Ниигата", ja: "新潟市" } },
};

describe("standard parts for other meetings", () => {
  it("words the preamble for a Japanese host", () => {
    expect(preamble(hostedInJapan).text).toEqual({
      ru:
        "По приглашению Ассоциации мэров городов Западного побережья Японии с 29 сентября по 2 октября 2021 г. " +
        "в Японии пребывала делегация Ассоциации мэров городов Дальнего Востока и Сибири по дружественным связям " +
        "с городами Японии с целью участия в XXVIII Встрече, проводившейся в г. Ниигата.",
      ja:
        "日ロ沿岸市長会の招請により、ロ日極東シベリア友好協会代表団は、2021年9月29日から10月2日まで、" +
        "新潟市において開催された第28回日ロ沿岸市長会議に出席するため、日本を訪問した。",
    });
  });

  it("lists the host side first", () => {
    expect(participants(xxvii).groups.map((group) => group.side)).toEqual(["RU", "JP"]);
    const groups = participants(hostedInJapan).groups;
    expect(groups.map((group) => group.side)).toEqual(["JP", "RU"]);
    expect(groups.map((group) => group.heading)).toEqual([
      { ru: "-с японской стороны", ja: "日本側" },
      { ru: "-с российской стороны", ja: "ロシア側" },
    ]);
  });

  it("leaves out a side with no participants", () => {
    const onlyRussians = { ...xxvii, participants: { RU: xxvii.participants.RU, JP: [] } };
    expect(participants(onlyRussians).groups.map((group) => group.side)).toEqual(["RU"]);
  });

  it("counts and joins any number of topics", () => {
    const three = topics({ ...hostedInJapan, involvedCircles: undefined }).text;
    expect(three.ru).toMatch(/^Участники Встречи провели предметные дискуссии по трём темам: «Активизация .*» \(экономика\), «Меры .*» \(туризм\), «Культурные обмены» \(культура\)\.$/);
    expect(three.ja).toMatch(/^会議参加者は、「日本海沿岸地域.*」（経済）、「両地域.*」（観光）及び「文化交流」（文化）の3つのテーマについて、具体的な議論を行った。$/);

    const one = topics({ ...xxvii, topics: xxvii.topics.slice(0, 1) }).text;
    expect(one.ru).toMatch(/ провели предметные дискуссии по теме: «Активизация .*» \(экономика\)\.$/);
    expect(one.ja).toMatch(/「日本海沿岸地域.*」（経済）をテーマとして、具体的な議論を行った。$/);
    expect(() => topics({ ...xxvii, topics: [] })).toThrow();
  });

  it("announces the next meeting in either country", () => {
    expect(closing(hostedInJapan).text).toEqual({
      ru:
        "Участники встречи признали эффективность и необходимость подобных Встреч и запланировали " +
        "провести следующую XXIX Встречу в 2023 году в России.",
      ja: "会議参加者は、このような会議の有効性及び必要性を認め、次回の第29回日ロ沿岸市長会議を2023年にロシアで開催することとした。",
    });
  });

  it("heads every page with the meeting's own number", () => {
    expect(shortTitle(hostedInJapan)).toEqual({
      ru: "Коммюнике XXVIII Встречи мэров",
      ja: "第28回日ロ沿岸市長会議 共同コミュニケ",
    });
  });
});
