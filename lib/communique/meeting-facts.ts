/**
 * Everything the standard parts of a communiqué are generated from, as plain data.
 * The app builds it from the database (Meeting with its cities, associations,
 * participants and topics); the seed builds it from its reference data. Names come in
 * the nominative except where the database keeps a ready-made case form.
 */

import type { Bilingual, ParticipantRow, Side } from "./content";
import type { CommuniqueSeed } from "./seed-types";

export interface AssociationFacts {
  name: Bilingual;
  /** As after "По приглашению …"; Japanese uses `name.ja`. */
  nameGenitiveRu: string;
}

export interface TopicFacts {
  key: string;
  /** Short label: "экономика" / "経済". */
  name: Bilingual;
  /** Full quoted title. */
  title: Bilingual;
}

export interface MeetingFacts {
  /** Roman ordinal as printed: "XXVII". */
  ordinal: string;
  number: number;
  /** Series name in the nominative: "Встреча мэров …" / "日ロ沿岸市長会議". */
  name: Bilingual;
  /** The side whose city hosts the meeting; its participants are listed first. */
  hostSide: Side;
  hostCity: {
    name: Bilingual;
    /** Russian form after "в г.": "Петропавловске-Камчатском". */
    nameLocativeRu: string;
  };
  /** Nominative: "Россия" / "ロシア". */
  hostCountry: Bilingual;
  /** ISO dates, YYYY-MM-DD. */
  startDate: string;
  endDate: string;
  venue: Bilingual;
  invitingAssociation: AssociationFacts;
  guestAssociation: AssociationFacts;
  /** Russian genitive after "делегация"; Japanese before "代表団". */
  guestDelegation: Bilingual;
  /** Russian genitive after "с привлечением"; omitted from the topics paragraph when absent. */
  involvedCircles?: Bilingual;
  /** Participants in printed order, per side. */
  participants: Record<Side, ParticipantRow[]>;
  /** Discussion topics in printed order. */
  topics: TopicFacts[];
  signing: {
    /** ISO date, YYYY-MM-DD. */
    date: string;
    place: Bilingual;
  };
  nextMeeting: {
    ordinal: string;
    year: number;
    /** Nominative: "Япония" / "日本". */
    country: Bilingual;
  };
}

function byKey<T extends { key: string }>(items: readonly T[], what: string): (key: string) => T {
  const index = new Map(items.map((item) => [item.key, item]));
  return (key) => {
    const item = index.get(key);
    if (item === undefined) throw new Error(`Seed refers to an unknown ${what}: "${key}"`);
    return item;
  };
}

export function meetingFactsFromSeed(seed: CommuniqueSeed): MeetingFacts {
  const { meeting } = seed;
  const association = byKey(seed.associations, "association");
  const city = byKey(seed.cities, "city");
  const person = byKey(seed.people, "person");
  const delegation = byKey(seed.delegations, "delegation");

  const host = city(meeting.hostCityKey);
  const associationFacts = (key: string): AssociationFacts => {
    const found = association(key);
    return { name: found.name, nameGenitiveRu: found.nameGenitive.ru };
  };

  const participants: Record<Side, ParticipantRow[]> = { RU: [], JP: [] };
  for (const participant of seed.participants) {
    const side = delegation(participant.delegationKey).side;
    participants[side].push({ title: participant.title, name: person(participant.personKey).name });
  }

  return {
    ordinal: meeting.ordinal,
    number: meeting.number,
    name: meeting.name,
    hostSide: host.side,
    hostCity: { name: host.name, nameLocativeRu: host.nameLocative },
    hostCountry: meeting.hostCountry,
    startDate: meeting.startDate,
    endDate: meeting.endDate,
    venue: meeting.venue,
    invitingAssociation: associationFacts(meeting.invitingAssociationKey),
    guestAssociation: associationFacts(meeting.guestAssociationKey),
    guestDelegation: meeting.guestDelegation,
    ...(meeting.involvedCircles ? { involvedCircles: meeting.involvedCircles } : {}),
    participants,
    topics: seed.topics.map(({ key, name, title }) => ({ key, name, title })),
    signing: { date: meeting.signingDate, place: meeting.signingPlace },
    nextMeeting: meeting.nextMeeting,
  };
}
