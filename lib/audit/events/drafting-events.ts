import type { AuditSubjects } from "../audit-events";

type Lang = "ru" | "ja";

/**
 * The text of a part or a clause goes into the trail as a SHA-256 of it, never the text itself:
 * the trail proves which text was there without keeping a second copy of every draft.
 */
type TextHash = string;

interface PartEdit {
  part: string;
  lang: Lang;
  /** Null: the part had no hand-edited text (it was generated from the meeting). */
  before: TextHash | null;
  /** Null: the part goes back to the generated text. */
  after: TextHash | null;
}

/** The communiqué's text: created, edited part by part and clause by clause, frozen into revisions, commented on. */
export interface DraftingEvents {
  "communique.created": { meeting: string };
  "communique.numbering": { numberClauses: boolean };
  "part.edited": PartEdit;
  "part.reset": PartEdit;
  "clause.inserted": { clause: string; position: number; fromLibrary: string | null; after: TextHash };
  "clause.text-updated": { clause: string; lang: Lang; before: TextHash; after: TextHash; version: number };
  "clause.translation-confirmed": { clause: string; lang: Lang };
  "clause.moved": { clause: string; from: number; to: number };
  "clause.deleted": { clause: string };
  "clause.restored": { clause: string };
  "revision.created": { revision: string; number: number; hash: string; reason: "submitted" | "saved"; previous: string | null };
  /** `reopened`: the thread a reply opened again after the secretariat had resolved it. */
  "comment.added": { comment: string; revisionId: string; blockId: string; lang: Lang; reply: boolean; reopened?: string };
  "comment.resolved": { comment: string };
  "comment.reopened": { comment: string };
}

export const DRAFTING_SUBJECTS = {
  "communique.created": "Communique",
  "communique.numbering": "Communique",
  "part.edited": "Communique",
  "part.reset": "Communique",
  "clause.inserted": "Communique",
  "clause.text-updated": "Communique",
  "clause.translation-confirmed": "Communique",
  "clause.moved": "Communique",
  "clause.deleted": "Communique",
  "clause.restored": "Communique",
  "revision.created": "Communique",
  "comment.added": "Communique",
  "comment.resolved": "Communique",
  "comment.reopened": "Communique",
} as const satisfies AuditSubjects<DraftingEvents>;
