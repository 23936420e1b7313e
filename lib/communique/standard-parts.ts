/**
 * The standard parts of a communiqué, generated in both languages from the meeting facts.
 * The Russian wording is that of the signed XXVII communiqué, so that the model document
 * comes out word for word; the Japanese follows the style of Japanese municipal joint
 * communiqués (である調, 「双方は、…した。」).
 */

import type { Bilingual, ParticipantGroup, ParticipantsBlock, Side, TextBlock } from "./content";
import { formatDateJa, formatDateRangeJa, formatDateRangeRu, formatDateRu } from "./format-date";
import type { MeetingFacts, TopicFacts } from "./meeting-facts";
import { fromRoman } from "./roman";
import { byTopicsRu, countryLocativeRu, meetingNameGenitiveRu } from "./russian-forms";

/** Stable block ids: comments anchor to them across revisions. */
export const STANDARD_PART_IDS = {
  title: "title",
  meetingLine: "meeting-line",
  preamble: "preamble",
  participants: "participants",
  topics: "topics",
  closing: "closing",
  formula: "formula",
} as const;

export function title(_facts: MeetingFacts): TextBlock {
  return { id: STANDARD_PART_IDS.title, kind: "title", text: { ru: "КОММЮНИКЕ", ja: "共同コミュニケ" } };
}

function meetingWithNumberJa(facts: MeetingFacts): string {
  return `第${facts.number}回${facts.name.ja}`;
}

export function meetingLine(facts: MeetingFacts): TextBlock {
  return {
    id: STANDARD_PART_IDS.meetingLine,
    kind: "meetingLine",
    text: {
      ru: `${facts.ordinal} ${meetingNameGenitiveRu(facts.name.ru)}`,
      ja: meetingWithNumberJa(facts),
    },
  };
}

export function preamble(facts: MeetingFacts): TextBlock {
  const ru =
    `По приглашению ${facts.invitingAssociation.nameGenitiveRu} ` +
    `${formatDateRangeRu(facts.startDate, facts.endDate)} ` +
    `в ${countryLocativeRu(facts.hostCountry.ru)} пребывала делегация ${facts.guestDelegation.ru} ` +
    `с целью участия в ${facts.ordinal} Встрече, проводившейся в г. ${facts.hostCity.nameLocativeRu}.`;
  const ja =
    `${facts.invitingAssociation.name.ja}の招請により、${facts.guestDelegation.ja}代表団は、` +
    `${formatDateRangeJa(facts.startDate, facts.endDate)}、` +
    `${facts.hostCity.name.ja}において開催された${meetingWithNumberJa(facts)}に出席するため、` +
    `${facts.hostCountry.ja}を訪問した。`;
  return { id: STANDARD_PART_IDS.preamble, kind: "preamble", text: { ru, ja } };
}

const SIDE_HEADINGS: Record<Side, Bilingual> = {
  RU: { ru: "-с российской стороны", ja: "ロシア側" },
  JP: { ru: "-с японской стороны", ja: "日本側" },
};

export function participants(facts: MeetingFacts): ParticipantsBlock {
  // The host side is listed first, as the model document lists the Russian hosts.
  const order: Side[] = facts.hostSide === "RU" ? ["RU", "JP"] : ["JP", "RU"];
  const groups: ParticipantGroup[] = order
    .filter((side) => facts.participants[side].length > 0)
    .map((side) => ({ side, heading: SIDE_HEADINGS[side], rows: facts.participants[side] }));
  return {
    id: STANDARD_PART_IDS.participants,
    kind: "participants",
    intro: { ru: "Во Встрече принимали участие:", ja: "本会議には、次の者が出席した。" },
    groups,
  };
}

function joinJa(items: string[]): string {
  const last = items[items.length - 1] ?? "";
  return items.length > 1 ? `${items.slice(0, -1).join("、")}及び${last}` : last;
}

function topicsRu(facts: MeetingFacts, topics: TopicFacts[]): string {
  const circles = facts.involvedCircles ? ` с привлечением ${facts.involvedCircles.ru}` : "";
  const list = topics.map((topic) => `«${topic.title.ru}» (${topic.name.ru})`).join(", ");
  return `Участники Встречи${circles} провели предметные дискуссии ${byTopicsRu(topics.length)}: ${list}.`;
}

function topicsJa(facts: MeetingFacts, topics: TopicFacts[]): string {
  const circles = facts.involvedCircles ? `${facts.involvedCircles.ja}の参加を得て、` : "";
  const list = joinJa(topics.map((topic) => `「${topic.title.ja}」（${topic.name.ja}）`));
  const scope =
    topics.length === 1
      ? `${list}をテーマとして`
      : `${list}の${topics.length < 10 ? `${topics.length}つ` : topics.length}のテーマについて`;
  return `会議参加者は、${circles}${scope}、具体的な議論を行った。`;
}

export function topics(facts: MeetingFacts): TextBlock {
  if (facts.topics.length === 0) throw new Error("A communiqué needs at least one discussion topic");
  return {
    id: STANDARD_PART_IDS.topics,
    kind: "topics",
    text: { ru: topicsRu(facts, facts.topics), ja: topicsJa(facts, facts.topics) },
  };
}

export function closing(facts: MeetingFacts): TextBlock {
  const next = facts.nextMeeting;
  return {
    id: STANDARD_PART_IDS.closing,
    kind: "closing",
    text: {
      ru:
        "Участники встречи признали эффективность и необходимость подобных Встреч и запланировали " +
        `провести следующую ${next.ordinal} Встречу в ${next.year} году в ${countryLocativeRu(next.country.ru)}.`,
      ja:
        "会議参加者は、このような会議の有効性及び必要性を認め、" +
        `次回の第${fromRoman(next.ordinal)}回${facts.name.ja}を${next.year}年に${next.country.ja}で開催することとした。`,
    },
  };
}

export function formula(_facts: MeetingFacts): TextBlock {
  return {
    id: STANDARD_PART_IDS.formula,
    kind: "formula",
    text: {
      ru: "Настоящее коммюнике подписано в двух экземплярах на русском и японском языках, имеющих равную силу.",
      ja: "本共同コミュニケは、ひとしく効力を有する日本語及びロシア語により2通作成され、署名された。",
    },
  };
}

/** The printed signing line. The model document prints the date alone: the place is in the preamble. */
export function placeDate(facts: MeetingFacts): Bilingual {
  return { ru: formatDateRu(facts.signing.date, "long"), ja: formatDateJa(facts.signing.date) };
}

/** The running header. */
export function shortTitle(facts: MeetingFacts): Bilingual {
  return {
    ru: `Коммюнике ${facts.ordinal} Встречи мэров`,
    ja: `${meetingWithNumberJa(facts)} 共同コミュニケ`,
  };
}
