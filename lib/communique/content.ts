/**
 * The structured content of a communiqué as a revision freezes it.
 *
 * This is the contract between drafting (which produces it), revisions (which hash
 * its canonical JSON), and the PDF engine (which typesets it). Every piece of text
 * exists in both languages; the PDF puts Russian in the left column and Japanese in
 * the right, block by block, in the order of `blocks`.
 */

export const LANGS = ["ru", "ja"] as const;
export type Lang = (typeof LANGS)[number];

export type Side = "RU" | "JP";

export interface Bilingual {
  ru: string;
  ja: string;
}

/** Kinds of running-text blocks, in the order they appear in a standard communiqué. */
export type TextBlockKind =
  | "title" // КОММЮНИКЕ / 共同コミュニケ
  | "meetingLine" // the line naming the meeting
  | "preamble" // who invited whom, dates, city
  | "topics" // the discussion-topics paragraph
  | "clause" // a body clause ("Стороны …")
  | "closing" // the closing clause (next meeting)
  | "formula"; // signed in two copies … of equal force

export interface TextBlock {
  id: string;
  kind: TextBlockKind;
  text: Bilingual;
  /** Printed clause number ("1.") when the communiqué numbers its clauses; only on kind "clause". */
  number?: number;
}

export interface ParticipantRow {
  title: Bilingual;
  name: Bilingual;
}

export interface ParticipantGroup {
  side: Side;
  /** "-с российской стороны" / 「ロシア側」 */
  heading: Bilingual;
  rows: ParticipantRow[];
}

/** "Во Встрече принимали участие:" followed by one aligned title–name list per side. */
export interface ParticipantsBlock {
  id: string;
  kind: "participants";
  intro: Bilingual;
  groups: ParticipantGroup[];
}

export type Block = TextBlock | ParticipantsBlock;

/** One signature block. Order matters: the PDF pairs the n-th RU entry with the n-th JP entry. */
export interface SignatoryEntry {
  id: string;
  side: Side;
  title: Bilingual;
  name: Bilingual;
}

export interface CommuniqueContent {
  schema: 1;
  meeting: {
    /** Roman ordinal as printed, e.g. "XXVII". */
    ordinal: string;
    hostCity: Bilingual;
    /** ISO dates, YYYY-MM-DD. */
    startDate: string;
    endDate: string;
  };
  /** Short bilingual title for the running header. */
  shortTitle: Bilingual;
  blocks: Block[];
  signing: {
    place: Bilingual;
    /** ISO date, YYYY-MM-DD. */
    date: string;
    /** The printed line, e.g. "24 августа 2019 года" / "2019年8月24日". */
    placeDate: Bilingual;
  };
  signatories: SignatoryEntry[];
}
