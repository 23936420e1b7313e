import { ACCOUNT_SUBJECTS, type AccountEvents } from "./events/account-events";
import { APPROVAL_SUBJECTS, type ApprovalEvents } from "./events/approval-events";
import { DIRECTORY_SUBJECTS, type DirectoryEvents } from "./events/directory-events";
import { DRAFTING_SUBJECTS, type DraftingEvents } from "./events/drafting-events";
import { MEETING_SUBJECTS, type MeetingEvents } from "./events/meeting-events";
import { SIGNING_SUBJECTS, type SigningEvents } from "./events/signing-events";

/**
 * Every action the audit trail records, with the data it records. A use case can write only
 * these (`recordEvent` takes the data type of its action), and the screens that read the trail
 * read the same types (`readEvent`). The trail cannot be rewritten: a data type may gain a field
 * but its rows keep the old shape, so such a field is listed in `read-event.ts` as added later.
 */
export interface AuditEvents extends DraftingEvents, ApprovalEvents, SigningEvents, AccountEvents, MeetingEvents, DirectoryEvents {}

export type AuditAction = keyof AuditEvents;

/** The data of an event that says nothing more than its action and subject (stored as `{}`). */
export type NoData = Record<string, never>;

/** What an event is about: the table of its subject id. */
export type AuditSubjectType = "Communique" | "User" | "Person" | "City" | "Association" | "AgendaTopic" | "LibraryClause" | "Meeting";

/** Each action of a group with the one kind of subject its events are about. */
export type AuditSubjects<Events> = { [A in keyof Events]: AuditSubjectType };

/** The subject of every action: an action is always about the same kind of thing. */
export const AUDIT_SUBJECTS = {
  ...DRAFTING_SUBJECTS,
  ...APPROVAL_SUBJECTS,
  ...SIGNING_SUBJECTS,
  ...ACCOUNT_SUBJECTS,
  ...MEETING_SUBJECTS,
  ...DIRECTORY_SUBJECTS,
} as const satisfies AuditSubjects<AuditEvents>;

export type SubjectOf<A extends AuditAction> = (typeof AUDIT_SUBJECTS)[A];

export function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_SUBJECTS, action);
}

/** An action with its data, one variant per action: narrowing on `action` types `data`. */
export type AuditEntry<A extends AuditAction = AuditAction> = { [K in A]: { action: K; data: AuditEvents[K] } }[A];
