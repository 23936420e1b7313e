import { describe, expect, it } from "vitest";
import { assembleContent } from "./assemble-content";
import type { SignatoryEntry } from "./content";
import type { MeetingFacts } from "./meeting-facts";
import {
  closing,
  formula,
  meetingLine,
  participants,
  placeDate,
  preamble,
  shortTitle,
  title,
  topics,
} from "./standard-parts";

/**
 * Golden texts of the standard parts for meetings other than the seeded XXVII: the
 * product must serve a Japan-hosted meeting as well as the Russian-hosted model. Every
 * expected string is written out literally (not built from the facts), so that a change
 * in wording anywhere in the generator shows up here as a diff to be judged.
 */

const SERIES_NAME = {
  ru: "Встреча мэров городов Сибири и Дальнего Востока РФ и мэров городов Западного побережья Японии",
  ja: "日ロ沿岸市長会議",
};

const JAPANESE_ASSOCIATION = {
  name: { ru: "Ассоциация мэров городов Западного побережья Японии", ja: "日ロ沿岸市長会" },
  nameGenitiveRu: "Ассоциации мэров городов Западного побережья Японии",
};

const RUSSIAN_ASSOCIATION = {
  name: {
    ru: "Ассоциация мэров городов Дальнего Востока и Сибири по дружественным связям с городами Японии",
    ja: "ロ日極東シベリア友好協会",
  },
  nameGenitiveRu: "Ассоциации мэров городов Дальнего Востока и Сибири по дружественным связям с городами Японии",
};

const ECONOMY = {
  key: "economy",
  name: { ru: "экономика", ja: "経済" },
  title: {
    ru: "Активизация экономического сотрудничества между городами Дальнего Востока и Сибири РФ и Западного побережья Японии",
    ja: "日本海沿岸地域とロシア極東シベリア地域諸都市間の経済協力の促進",
  },
};

const EXCHANGES = {
  key: "exchanges",
  name: { ru: "обмены", ja: "交流" },
  title: { ru: "Развитие молодёжных и культурных обменов между городами-побратимами", ja: "姉妹都市間の青少年・文化交流の推進" },
};

const NAKAHARA = { title: { ru: "Мэр города Ниигата", ja: "新潟市長" }, name: { ru: "НАКАХАРА Яити", ja: "中原八一" } };
const TATAMI = { title: { ru: "Мэр города Майдзуру", ja: "舞鶴市長" }, name: { ru: "ТАТАМИ Рёдзо", ja: "多々見良三" } };
const KRAVCHUK = {
  title: { ru: "Мэр города Хабаровска", ja: "ハバロフスク市長" },
  name: { ru: "Кравчук С. А.", ja: "S・A・クラフチュク" },
};
/** A city and a head the seed does not know. */
const SHESTAKOV = {
  title: { ru: "Мэр города Владивостока", ja: "ウラジオストク市長" },
  name: { ru: "Шестаков К. В.", ja: "K・V・シェスタコフ" },
};

/** XXVIII, hosted by Niigata: the Japanese association invites, the Russian one visits. */
const xxviii: MeetingFacts = {
  ordinal: "XXVIII",
  number: 28,
  name: SERIES_NAME,
  hostSide: "JP",
  // Japanese city names stay in the nominative after "г.", as the model writes "г. Ниигата".
  hostCity: { name: { ru: "Ниигата", ja: "新潟市" }, nameLocativeRu: "Ниигата" },
  hostCountry: { ru: "Япония", ja: "日本" },
  startDate: "2021-10-05",
  endDate: "2021-10-07",
  venue: { ru: "Ниигата", ja: "新潟市" },
  invitingAssociation: JAPANESE_ASSOCIATION,
  guestAssociation: RUSSIAN_ASSOCIATION,
  guestDelegation: { ru: RUSSIAN_ASSOCIATION.nameGenitiveRu, ja: RUSSIAN_ASSOCIATION.name.ja },
  participants: { RU: [KRAVCHUK, SHESTAKOV], JP: [NAKAHARA, TATAMI] },
  topics: [ECONOMY, EXCHANGES],
  signing: { date: "2021-10-07", place: { ru: "Ниигата", ja: "新潟市" } },
  nextMeeting: { ordinal: "XXIX", year: 2023, country: { ru: "Россия", ja: "ロシア" } },
};

describe("XXVIII hosted by Niigata (Japan), 5–7 October 2021", () => {
  it("titles the document and names the meeting by its own number", () => {
    expect(title(xxviii).text).toEqual({ ru: "КОММЮНИКЕ", ja: "共同コミュニケ" });
    expect(meetingLine(xxviii).text).toEqual({
      ru: "XXVIII Встречи мэров городов Сибири и Дальнего Востока РФ и мэров городов Западного побережья Японии",
      ja: "第28回日ロ沿岸市長会議",
    });
    expect(shortTitle(xxviii)).toEqual({
      ru: "Коммюнике XXVIII Встречи мэров",
      ja: "第28回日ロ沿岸市長会議 共同コミュニケ",
    });
  });

  it("has the Japanese association invite the Russian delegation to Japan", () => {
    expect(preamble(xxviii).text).toEqual({
      ru:
        "По приглашению Ассоциации мэров городов Западного побережья Японии с 5 по 7 октября 2021 г. " +
        "в Японии пребывала делегация Ассоциации мэров городов Дальнего Востока и Сибири по дружественным связям " +
        "с городами Японии с целью участия в XXVIII Встрече, проводившейся в г. Ниигата.",
      ja:
        "日ロ沿岸市長会の招請により、ロ日極東シベリア友好協会代表団は、2021年10月5日から7日まで、" +
        "新潟市において開催された第28回日ロ沿岸市長会議に出席するため、日本を訪問した。",
    });
  });

  it("lists the Japanese hosts first, then the Russian guests including the new city", () => {
    expect(participants(xxviii)).toEqual({
      id: "participants",
      kind: "participants",
      intro: { ru: "Во Встрече принимали участие:", ja: "本会議には、次の者が出席した。" },
      groups: [
        {
          side: "JP",
          heading: { ru: "-с японской стороны", ja: "日本側" },
          rows: [
            { title: { ru: "Мэр города Ниигата", ja: "新潟市長" }, name: { ru: "НАКАХАРА Яити", ja: "中原八一" } },
            { title: { ru: "Мэр города Майдзуру", ja: "舞鶴市長" }, name: { ru: "ТАТАМИ Рёдзо", ja: "多々見良三" } },
          ],
        },
        {
          side: "RU",
          heading: { ru: "-с российской стороны", ja: "ロシア側" },
          rows: [
            {
              title: { ru: "Мэр города Хабаровска", ja: "ハバロフスク市長" },
              name: { ru: "Кравчук С. А.", ja: "S・A・クラフチュク" },
            },
            {
              title: { ru: "Мэр города Владивостока", ja: "ウラジオストク市長" },
              name: { ru: "Шестаков К. В.", ja: "K・V・シェスタコフ" },
            },
          ],
        },
      ],
    });
  });

  it("words the two topics without any involved circles", () => {
    expect(topics(xxviii).text).toEqual({
      ru:
        "Участники Встречи провели предметные дискуссии по двум темам: " +
        "«Активизация экономического сотрудничества между городами Дальнего Востока и Сибири РФ и Западного побережья Японии» (экономика), " +
        "«Развитие молодёжных и культурных обменов между городами-побратимами» (обмены).",
      ja:
        "会議参加者は、「日本海沿岸地域とロシア極東シベリア地域諸都市間の経済協力の促進」（経済）及び" +
        "「姉妹都市間の青少年・文化交流の推進」（交流）の2つのテーマについて、具体的な議論を行った。",
    });
  });

  it("announces the XXIX meeting in Russia in 2023", () => {
    expect(closing(xxviii).text).toEqual({
      ru:
        "Участники встречи признали эффективность и необходимость подобных Встреч и запланировали " +
        "провести следующую XXIX Встречу в 2023 году в России.",
      ja: "会議参加者は、このような会議の有効性及び必要性を認め、次回の第29回日ロ沿岸市長会議を2023年にロシアで開催することとした。",
    });
  });

  it("closes with the formula and the signing date of 7 October 2021", () => {
    expect(formula(xxviii).text).toEqual({
      ru: "Настоящее коммюнике подписано в двух экземплярах на русском и японском языках, имеющих равную силу.",
      ja: "本共同コミュニケは、ひとしく効力を有する日本語及びロシア語により2通作成され、署名された。",
    });
    expect(placeDate(xxviii)).toEqual({ ru: "7 октября 2021 года", ja: "2021年10月7日" });
  });

  it("assembles exactly these parts, in order, around no body clauses", () => {
    const content = assembleContent(xxviii, [], [], { numberClauses: false });
    expect(content.blocks).toEqual([
      title(xxviii),
      meetingLine(xxviii),
      preamble(xxviii),
      participants(xxviii),
      topics(xxviii),
      closing(xxviii),
      formula(xxviii),
    ]);
    expect(content.meeting).toEqual({
      ordinal: "XXVIII",
      hostCity: { ru: "Ниигата", ja: "新潟市" },
      startDate: "2021-10-05",
      endDate: "2021-10-07",
    });
    expect(content.signing).toEqual({
      place: { ru: "Ниигата", ja: "新潟市" },
      date: "2021-10-07",
      placeDate: { ru: "7 октября 2021 года", ja: "2021年10月7日" },
    });
  });
});

/**
 * The smallest communiqué there is: one delegation per side, each led by its head
 * (no deputy attends in a head's place), a single topic and no involved circles.
 */
const minimal: MeetingFacts = {
  ordinal: "XXIX",
  number: 29,
  name: SERIES_NAME,
  hostSide: "RU",
  hostCity: { name: { ru: "Хабаровск", ja: "ハバロフスク市" }, nameLocativeRu: "Хабаровске" },
  hostCountry: { ru: "Россия", ja: "ロシア" },
  startDate: "2023-08-22",
  endDate: "2023-08-24",
  venue: { ru: "Хабаровск", ja: "ハバロフスク市" },
  invitingAssociation: RUSSIAN_ASSOCIATION,
  guestAssociation: JAPANESE_ASSOCIATION,
  guestDelegation: { ru: JAPANESE_ASSOCIATION.nameGenitiveRu, ja: JAPANESE_ASSOCIATION.name.ja },
  participants: { RU: [KRAVCHUK], JP: [NAKAHARA] },
  topics: [ECONOMY],
  signing: { date: "2023-08-24", place: { ru: "Хабаровск", ja: "ハバロフスク市" } },
  nextMeeting: { ordinal: "XXX", year: 2025, country: { ru: "Япония", ja: "日本" } },
};

describe("a meeting with one delegation per side, one topic, no circles and no deputies", () => {
  it("has the Russian association invite the Japanese delegation to Khabarovsk", () => {
    expect(preamble(minimal).text).toEqual({
      ru:
        "По приглашению Ассоциации мэров городов Дальнего Востока и Сибири по дружественным связям с городами Японии " +
        "с 22 по 24 августа 2023 г. в России пребывала делегация Ассоциации мэров городов Западного побережья Японии " +
        "с целью участия в XXIX Встрече, проводившейся в г. Хабаровске.",
      ja:
        "ロ日極東シベリア友好協会の招請により、日ロ沿岸市長会代表団は、2023年8月22日から24日まで、" +
        "ハバロフスク市において開催された第29回日ロ沿岸市長会議に出席するため、ロシアを訪問した。",
    });
  });

  it("lists one head per side, the Russian hosts first", () => {
    expect(participants(minimal).groups).toEqual([
      {
        side: "RU",
        heading: { ru: "-с российской стороны", ja: "ロシア側" },
        rows: [{ title: { ru: "Мэр города Хабаровска", ja: "ハバロフスク市長" }, name: { ru: "Кравчук С. А.", ja: "S・A・クラフチュク" } }],
      },
      {
        side: "JP",
        heading: { ru: "-с японской стороны", ja: "日本側" },
        rows: [{ title: { ru: "Мэр города Ниигата", ja: "新潟市長" }, name: { ru: "НАКАХАРА Яити", ja: "中原八一" } }],
      },
    ]);
  });

  it("words a single topic in the singular", () => {
    expect(topics(minimal).text).toEqual({
      ru:
        "Участники Встречи провели предметные дискуссии по теме: " +
        "«Активизация экономического сотрудничества между городами Дальнего Востока и Сибири РФ и Западного побережья Японии» (экономика).",
      ja:
        "会議参加者は、「日本海沿岸地域とロシア極東シベリア地域諸都市間の経済協力の促進」（経済）をテーマとして、" +
        "具体的な議論を行った。",
    });
  });

  it("announces the XXX meeting in Japan in 2025", () => {
    expect(closing(minimal).text).toEqual({
      ru:
        "Участники встречи признали эффективность и необходимость подобных Встреч и запланировали " +
        "провести следующую XXX Встречу в 2025 году в Японии.",
      ja: "会議参加者は、このような会議の有効性及び必要性を認め、次回の第30回日ロ沿岸市長会議を2025年に日本で開催することとした。",
    });
  });

  it("passes the two heads through as the signatories, in the given order", () => {
    const heads: SignatoryEntry[] = [
      { id: "signatory-kravchuk", side: "RU", ...KRAVCHUK },
      { id: "signatory-nakahara", side: "JP", ...NAKAHARA },
    ];
    const content = assembleContent(minimal, [], heads, { numberClauses: false });
    expect(content.signatories.map((entry) => `${entry.side} ${entry.name.ru}`)).toEqual([
      "RU Кравчук С. А.",
      "JP НАКАХАРА Яити",
    ]);
  });
});

describe("meeting dates across a month or a year boundary", () => {
  it("says the year once when the meeting runs from September into October", () => {
    const facts = { ...xxviii, startDate: "2021-09-30", endDate: "2021-10-02" };
    expect(preamble(facts).text).toEqual({
      ru:
        "По приглашению Ассоциации мэров городов Западного побережья Японии с 30 сентября по 2 октября 2021 г. " +
        "в Японии пребывала делегация Ассоциации мэров городов Дальнего Востока и Сибири по дружественным связям " +
        "с городами Японии с целью участия в XXVIII Встрече, проводившейся в г. Ниигата.",
      ja:
        "日ロ沿岸市長会の招請により、ロ日極東シベリア友好協会代表団は、2021年9月30日から10月2日まで、" +
        "新潟市において開催された第28回日ロ沿岸市長会議に出席するため、日本を訪問した。",
    });
  });

  it("gives both years when the meeting runs over the New Year, and signs in the new year", () => {
    const facts: MeetingFacts = {
      ...xxviii,
      startDate: "2021-12-30",
      endDate: "2022-01-02",
      signing: { ...xxviii.signing, date: "2022-01-02" },
    };
    expect(preamble(facts).text).toEqual({
      ru:
        "По приглашению Ассоциации мэров городов Западного побережья Японии с 30 декабря 2021 г. по 2 января 2022 г. " +
        "в Японии пребывала делегация Ассоциации мэров городов Дальнего Востока и Сибири по дружественным связям " +
        "с городами Японии с целью участия в XXVIII Встрече, проводившейся в г. Ниигата.",
      ja:
        "日ロ沿岸市長会の招請により、ロ日極東シベリア友好協会代表団は、2021年12月30日から2022年1月2日まで、" +
        "新潟市において開催された第28回日ロ沿岸市長会議に出席するため、日本を訪問した。",
    });
    expect(placeDate(facts)).toEqual({ ru: "2 января 2022 года", ja: "2022年1月2日" });
  });
});
