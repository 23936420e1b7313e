/**
 * Puts a whole communiqué together: the generated standard parts around the body clauses,
 * then the signing line and the signatories. Drafting calls this for every revision, so
 * it checks what would otherwise surface only as a broken PDF or a misplaced comment.
 */

import type {
  Bilingual,
  Block,
  CommuniqueContent,
  SignatoryEntry,
  TextBlock,
  TextBlockKind,
} from "./content";
import type { MeetingFacts } from "./meeting-facts";
import { fromRoman } from "./roman";
import * as parts from "./standard-parts";

export interface ClauseInput {
  id: string;
  text: Bilingual;
}

/** Generated parts whose text a secretariat may have edited by hand. */
export type EditableStandardKind = Exclude<TextBlockKind, "clause">;

export interface AssembleOptions {
  numberClauses: boolean;
  /** Hand edits, per language; a language left out follows the meeting facts. */
  overrides?: Partial<Record<EditableStandardKind, Partial<Bilingual>>>;
}

function withOverride(block: TextBlock, options: AssembleOptions): TextBlock {
  if (block.kind === "clause") return block;
  const edit = options.overrides?.[block.kind];
  if (!edit) return block;
  return { ...block, text: { ru: edit.ru ?? block.text.ru, ja: edit.ja ?? block.text.ja } };
}

function assertUniqueIds(ids: string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new Error(`Two parts of the communiqué share the id "${id}"`);
    seen.add(id);
  }
}

export function assembleContent(
  facts: MeetingFacts,
  clauses: ClauseInput[],
  signatories: SignatoryEntry[],
  options: AssembleOptions,
): CommuniqueContent {
  if (fromRoman(facts.ordinal) !== facts.number) {
    throw new Error(`Meeting ordinal ${facts.ordinal} does not match its number ${facts.number}`);
  }

  const edited = (block: TextBlock) => withOverride(block, options);
  const body: TextBlock[] = clauses.map((clause, index) => ({
    id: clause.id,
    kind: "clause",
    text: clause.text,
    ...(options.numberClauses ? { number: index + 1 } : {}),
  }));
  const blocks: Block[] = [
    edited(parts.title(facts)),
    edited(parts.meetingLine(facts)),
    edited(parts.preamble(facts)),
    parts.participants(facts),
    edited(parts.topics(facts)),
    ...body,
    edited(parts.closing(facts)),
    edited(parts.formula(facts)),
  ];
  assertUniqueIds([...blocks.map((block) => block.id), ...signatories.map((entry) => entry.id)]);

  return {
    schema: 1,
    meeting: {
      ordinal: facts.ordinal,
      hostCity: facts.hostCity.name,
      startDate: facts.startDate,
      endDate: facts.endDate,
    },
    shortTitle: parts.shortTitle(facts),
    blocks,
    signing: { place: facts.signing.place, date: facts.signing.date, placeDate: parts.placeDate(facts) },
    signatories,
  };
}
