/**
 * The model XXVII communiqué as structured content, built the same way drafting builds
 * any communiqué: from meeting facts, library clauses and the signatory list.
 */

import { xxviiSeed } from "@/prisma/seed/xxvii-data";
import { assembleContent } from "./assemble-content";
import type { CommuniqueContent, SignatoryEntry } from "./content";
import { meetingFactsFromSeed } from "./meeting-facts";
import type { CommuniqueSeed } from "./seed-types";

export { assembleContent } from "./assemble-content";
export type { AssembleOptions, ClauseInput, EditableStandardKind } from "./assemble-content";

export function seedSignatories(seed: CommuniqueSeed): SignatoryEntry[] {
  const people = new Map(seed.people.map((person) => [person.key, person]));
  return seed.signatories.map((signatory) => {
    const person = people.get(signatory.personKey);
    if (!person) throw new Error(`Seed signatory is not a known person: "${signatory.personKey}"`);
    return {
      id: `signatory-${signatory.personKey}`,
      side: signatory.side,
      title: signatory.title,
      name: person.name,
    };
  });
}

export function seedCommuniqueContent(seed: CommuniqueSeed = xxviiSeed): CommuniqueContent {
  const clauses = seed.libraryClauses.map((clause, index) => ({
    id: `clause-${index + 1}`,
    text: clause.text,
  }));
  // The model document does not number its clauses.
  return assembleContent(meetingFactsFromSeed(seed), clauses, seedSignatories(seed), {
    numberClauses: false,
  });
}
