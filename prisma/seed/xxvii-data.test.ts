import { describe, expect, it } from "vitest";
import type { Bilingual } from "@/lib/communique/content";
import { parseIsoDate } from "@/lib/communique/format-date";
import { fromRoman } from "@/lib/communique/roman";
import { xxviiSeed as seed } from "./xxvii-data";

function isBilingual(value: unknown): value is Bilingual {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value).sort();
  return keys.length === 2 && keys[0] === "ja" && keys[1] === "ru";
}

/** Every Bilingual in the seed, with where it sits. */
function bilinguals(value: unknown, path = "seed"): Array<[string, Bilingual]> {
  if (isBilingual(value)) return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => bilinguals(item, `${path}[${index}]`));
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => bilinguals(item, `${path}.${key}`));
  }
  return [];
}

const CYRILLIC = /[\u0400-\u04ff]/;
const JAPANESE = /[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/;
/** Russian names in Japanese: Latin initials, then the katakana surname: "T・N・イワノワ". */
const INITIALS_AND_KATAKANA = /^(?:[A-Z][a-z]?・)+[\u30a1-\u30fa\u30fc]+$/;
/** Acronyms the Japanese side itself writes in Latin letters. */
const JAPANESE_ACRONYMS = /（TOR）/g;
const ROMAN_NUMERAL = /\b[IVXLCDM]+\b/g;

const keysOf = (items: Array<{ key: string }>) => items.map((item) => item.key);
const person = (key: string) => {
  const found = seed.people.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no person ${key}`);
  return found;
};
const delegation = (key: string) => {
  const found = seed.delegations.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no delegation ${key}`);
  return found;
};

describe("every Bilingual string in the XXVII seed", () => {
  const all = bilinguals(seed);

  it("is found wherever the seed has one", () => {
    const meetingTexts = 7; // name, host country, venue, guest delegation, circles, next country, place
    expect(all).toHaveLength(
      2 * seed.associations.length +
        seed.cities.length +
        seed.people.length +
        meetingTexts +
        seed.participants.length +
        seed.signatories.length +
        2 * seed.topics.length +
        seed.libraryClauses.length,
    );
  });

  it.each(all)("%s is filled in, trimmed and NFC in both languages", (_path, text) => {
    for (const value of [text.ru, text.ja]) {
      expect(value).not.toBe("");
      expect(value).toBe(value.trim());
      expect(value).toBe(value.normalize("NFC"));
      expect(value).not.toMatch(/\s{2}|[\t\n\r]/);
    }
  });

  it.each(all)("%s keeps each language in its own script", (path, text) => {
    expect(text.ru).not.toMatch(JAPANESE);
    expect(text.ru.replace(ROMAN_NUMERAL, "")).not.toMatch(/[A-Za-z]/);

    expect(text.ja).not.toMatch(CYRILLIC);
    // Japanese punctuation only: full-width brackets, 、 and 。
    expect(text.ja).not.toMatch(/[(),.;:!?"'\uff61-\uff9f]/);
    const isPersonName = /^seed\.people\[\d+\]\.name$/.test(path);
    if (isPersonName && /[A-Za-z]/.test(text.ja)) expect(text.ja).toMatch(INITIALS_AND_KATAKANA);
    else expect(text.ja.replace(JAPANESE_ACRONYMS, "")).not.toMatch(/[A-Za-z]/);
  });
});

describe("the XXVII seed's people and roles", () => {
  it("lists the 8 participants in the original's order", () => {
    expect(seed.participants.map((participant) => person(participant.personKey).name.ru)).toEqual([
      "Иванова Т.Н.",
      "Калита В. С.",
      "Гладких Б. И.",
      "Иваненко В. Ю.",
      "НАКАХАРА Яити",
      "ТАТАМИ Рёдзо",
      "МАЦУДА Сигэто",
      "ХОНДА Синдзи",
    ]);
  });

  it("lists the 8 signatories in signing order, pairing each Russian with a Japanese", () => {
    expect(seed.signatories.map((signatory) => signatory.personKey)).toEqual([
      "kravchuk",
      "nakahara",
      "kalita",
      "tatami",
      "gladkikh",
      "matsuda",
      "ivanenko",
      "honda",
    ]);
    expect(seed.signatories.map((signatory) => signatory.side)).toEqual(["RU", "JP", "RU", "JP", "RU", "JP", "RU", "JP"]);
    for (const signatory of seed.signatories) expect(person(signatory.personKey).side).toBe(signatory.side);
  });

  it("has Кравчук sign for Khabarovsk while his deputy Иванова attends", () => {
    const khabarovsk = seed.delegations.find((candidate) => candidate.cityKey === "khabarovsk");
    expect(khabarovsk).toMatchObject({ headPersonKey: "kravchuk", deputyPersonKey: "ivanova" });
    const participantKeys = seed.participants.map((participant) => participant.personKey);
    const signatoryKeys = seed.signatories.map((signatory) => signatory.personKey);
    expect(participantKeys).toContain("ivanova");
    expect(participantKeys).not.toContain("kravchuk");
    expect(signatoryKeys).toContain("kravchuk");
    expect(signatoryKeys).not.toContain("ivanova");
  });

  it("lets every delegation be headed by its signatory, with one deputy only", () => {
    expect(seed.delegations).toHaveLength(8);
    expect(new Set(seed.delegations.map((entry) => entry.cityKey)).size).toBe(8);
    const signatoryKeys = seed.signatories.map((signatory) => signatory.personKey);
    expect(seed.delegations.map((entry) => entry.headPersonKey).sort()).toEqual([...signatoryKeys].sort());
    expect(seed.delegations.filter((entry) => entry.deputyPersonKey !== undefined)).toHaveLength(1);
  });

  it("seats each participant in a delegation of their own side, as its head or deputy", () => {
    for (const participant of seed.participants) {
      const entry = delegation(participant.delegationKey);
      expect(person(participant.personKey).side).toBe(entry.side);
      expect([entry.headPersonKey, entry.deputyPersonKey]).toContain(participant.personKey);
    }
  });

  it("writes names by one convention per side", () => {
    expect(Object.fromEntries(seed.people.map((entry) => [entry.name.ru, entry.name.ja]))).toEqual({
      "Кравчук С. А.": "S・A・クラフチュク",
      "Иванова Т.Н.": "T・N・イワノワ",
      "Калита В. С.": "V・S・カリタ",
      "Гладких Б. И.": "B・I・グラトキフ",
      "Иваненко В. Ю.": "V・Yu・イワネンコ",
      "НАКАХАРА Яити": "中原八一",
      "ТАТАМИ Рёдзо": "多々見良三",
      "МАЦУДА Сигэто": "松田滋人",
      // Not confirmed in kanji: katakana rather than a guess.
      "ХОНДА Синдзи": "ホンダ・シンジ",
    });
  });

  it("gives everyone a distinct demo address and their side's language", () => {
    expect(new Set(seed.people.map((entry) => entry.email)).size).toBe(seed.people.length);
    for (const entry of seed.people) {
      expect(entry.email).toMatch(/^[a-z-]+@[a-z-]+\.example$/);
      expect(entry.locale).toBe(entry.side === "RU" ? "ru" : "ja");
    }
  });
});

describe("the XXVII seed's references and meeting data", () => {
  it("uses unique keys that all resolve", () => {
    for (const items of [seed.associations, seed.cities, seed.people, seed.delegations, seed.topics, seed.libraryClauses]) {
      expect(new Set(keysOf(items)).size).toBe(items.length);
    }
    const cities = keysOf(seed.cities);
    const people = keysOf(seed.people);
    for (const entry of seed.delegations) {
      expect(cities).toContain(entry.cityKey);
      expect(people).toContain(entry.headPersonKey);
      if (entry.deputyPersonKey) expect(people).toContain(entry.deputyPersonKey);
    }
    expect(cities).toContain(seed.meeting.hostCityKey);
    expect(keysOf(seed.associations)).toEqual(["RU_ASSOC", "JP_ASSOC"]);
    const topics = keysOf(seed.topics);
    for (const clause of seed.libraryClauses) if (clause.topicKey) expect(topics).toContain(clause.topicKey);
  });

  it("has no Japanese case forms", () => {
    for (const association of seed.associations) expect(association.nameGenitive.ja).toBe(association.name.ja);
  });

  it("keeps the meeting's numbers, dates and hosts consistent", () => {
    const { meeting } = seed;
    expect(fromRoman(meeting.ordinal)).toBe(meeting.number);
    expect(fromRoman(meeting.nextMeeting.ordinal)).toBe(meeting.number + 1);
    for (const date of [meeting.startDate, meeting.endDate, meeting.signingDate]) expect(() => parseIsoDate(date)).not.toThrow();
    expect(meeting.startDate <= meeting.signingDate && meeting.signingDate <= meeting.endDate).toBe(true);
    const host = seed.cities.find((city) => city.key === meeting.hostCityKey);
    const inviting = seed.associations.find((association) => association.key === meeting.invitingAssociationKey);
    const guest = seed.associations.find((association) => association.key === meeting.guestAssociationKey);
    expect(inviting?.side).toBe(host?.side);
    expect(guest?.side).not.toBe(host?.side);
  });

  it("orders the topics and library clauses as the original", () => {
    expect(keysOf(seed.topics)).toEqual(["economy", "tourism"]);
    expect(seed.libraryClauses.map((clause) => [clause.key, clause.topicKey])).toEqual([
      ["eight-point-plan", "economy"],
      ["energy-and-ports", "economy"],
      ["freight", "economy"],
      ["business-missions", "economy"],
      ["visa-facilitation", "tourism"],
      ["tourism-exchanges", "tourism"],
      ["cruise-ports", "tourism"],
      ["peace-treaty", null],
      ["exchange-year", null],
      ["broad-cooperation", null],
    ]);
  });
});
