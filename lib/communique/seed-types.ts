/**
 * Shapes of the demo seed: the reference data of one meeting of mayors, kept as plain
 * typed data so that both the database seed and the pure generators can read it.
 */

import type { Bilingual, Side } from "./content";

export type AssociationKey = "RU_ASSOC" | "JP_ASSOC";

export interface SeedAssociation {
  key: AssociationKey;
  side: Side;
  /** Official name in the nominative. */
  name: Bilingual;
  /** Russian genitive, as after "По приглашению …"; Japanese has no case, so ja = name.ja. */
  nameGenitive: Bilingual;
}

export interface SeedCity {
  key: string;
  side: Side;
  name: Bilingual;
  /**
   * The Russian form printed after "в г.": the prepositional of a Russian city
   * ("Петропавловске-Камчатском"). Japanese city names stay undeclined after "город",
   * as the model document writes "Мэр города Ниигата".
   */
  nameLocative: string;
}

export interface SeedPerson {
  key: string;
  side: Side;
  /** As printed: "Иванова Т.Н." / "T・N・イワノワ"; "НАКАХАРА Яити" / "中原八一". */
  name: Bilingual;
  email: string;
  /** The person's interface language. */
  locale: "ru" | "ja";
}

export interface SeedDelegation {
  key: string;
  cityKey: string;
  side: Side;
  headPersonKey: string;
  /** A named deputy who attends and acts on the head's behalf. */
  deputyPersonKey?: string;
}

export interface SeedMeeting {
  /** Roman ordinal as printed: "XXVII". */
  ordinal: string;
  number: number;
  /** Series name in the nominative: "Встреча мэров …" / "日ロ沿岸市長会議". */
  name: Bilingual;
  hostCityKey: string;
  /** Nominative: "Россия" / "ロシア". */
  hostCountry: Bilingual;
  /** ISO dates, YYYY-MM-DD. */
  startDate: string;
  endDate: string;
  venue: Bilingual;
  invitingAssociationKey: AssociationKey;
  guestAssociationKey: AssociationKey;
  /**
   * The visiting delegation as the preamble names it after "делегация" (Russian genitive)
   * and before "代表団". Kept apart from the association's name because the model
   * document words it differently.
   */
  guestDelegation: Bilingual;
  /**
   * Who else took part in the discussions, as after "с привлечением" (Russian genitive):
   * "представителей экономических и туристических кругов" / "経済界及び観光業界の関係者".
   */
  involvedCircles?: Bilingual;
  nextMeeting: {
    ordinal: string;
    year: number;
    /** Nominative: "Япония" / "日本". */
    country: Bilingual;
  };
  signingDate: string;
  signingPlace: Bilingual;
}

export interface SeedParticipant {
  personKey: string;
  delegationKey: string;
  /** As printed in the participants list. */
  title: Bilingual;
}

export interface SeedSignatory {
  personKey: string;
  side: Side;
  /** As printed in the signature block. */
  title: Bilingual;
}

export type TopicKey = "economy" | "tourism";

export interface SeedTopic {
  key: TopicKey;
  /** Short label printed after the quoted title: "экономика" / "経済". */
  name: Bilingual;
  /** The full topic as quoted in the topics paragraph. */
  title: Bilingual;
}

export interface SeedLibraryClause {
  key: string;
  /** Null for general clauses that belong to no discussion topic. */
  topicKey: TopicKey | null;
  text: Bilingual;
}

export interface CommuniqueSeed {
  associations: SeedAssociation[];
  cities: SeedCity[];
  people: SeedPerson[];
  delegations: SeedDelegation[];
  meeting: SeedMeeting;
  /** In printed order: the Russian side first, then the Japanese. */
  participants: SeedParticipant[];
  /** In signing order; the PDF pairs the n-th RU entry with the n-th JP entry. */
  signatories: SeedSignatory[];
  topics: SeedTopic[];
  /** Body clauses in the model document's order. */
  libraryClauses: SeedLibraryClause[];
}
