import type { EntryFields } from "@/lib/directory/entry-input";
import type { AuditSubjects, NoData } from "../audit-events";

/** The directory (cities, people, associations, agenda topics) and the clause library. */
export interface DirectoryEvents {
  /** An entry's events carry the fields as saved. */
  "city.created": EntryFields<"city">;
  "city.updated": EntryFields<"city">;
  "city.retired": NoData;
  "city.restored": NoData;
  "person.created": EntryFields<"person">;
  "person.updated": EntryFields<"person">;
  "person.retired": NoData;
  "person.restored": NoData;
  /** `notified`: the administrators who were asked to make the account. */
  "person.account-requested": { meeting: string | null; notified: string[] };
  "association.created": EntryFields<"association">;
  "association.updated": EntryFields<"association">;
  "association.retired": NoData;
  "association.restored": NoData;
  "topic.created": EntryFields<"topic">;
  "topic.updated": EntryFields<"topic">;
  "topic.retired": NoData;
  "topic.restored": NoData;
  "library.clause-created": { topicId: string | null };
  "library.clause-updated": { topicId: string | null };
  "library.clause-saved": { fromClause: string; topicId: string | null };
  "library.clause-retired": NoData;
  "library.clause-restored": NoData;
}

export const DIRECTORY_SUBJECTS = {
  "city.created": "City",
  "city.updated": "City",
  "city.retired": "City",
  "city.restored": "City",
  "person.created": "Person",
  "person.updated": "Person",
  "person.retired": "Person",
  "person.restored": "Person",
  "person.account-requested": "Person",
  "association.created": "Association",
  "association.updated": "Association",
  "association.retired": "Association",
  "association.restored": "Association",
  "topic.created": "AgendaTopic",
  "topic.updated": "AgendaTopic",
  "topic.retired": "AgendaTopic",
  "topic.restored": "AgendaTopic",
  "library.clause-created": "LibraryClause",
  "library.clause-updated": "LibraryClause",
  "library.clause-saved": "LibraryClause",
  "library.clause-retired": "LibraryClause",
  "library.clause-restored": "LibraryClause",
} as const satisfies AuditSubjects<DirectoryEvents>;
