import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/db";

/**
 * What a subject must tell the policy about itself. Meeting-scoped subjects list the
 * people who take part (delegation heads, deputies, participants, signatories).
 */
export interface MeetingSubject {
  meetingPeople: ReadonlySet<string>;
  /** Set when the subject is a communiqué (or something of it). */
  communiqueId?: string;
}

type Rule = boolean | ((actor: Actor, subject: MeetingSubject) => boolean);

const takesPart: Rule = (actor, subject) =>
  actor.personId !== null && subject.meetingPeople.has(actor.personId);

/**
 * The one policy table: action × role → allowed. An action or role missing here is refused.
 * Workflow states are checked by lib/workflow; this table decides who, not when.
 */
export const POLICY = {
  "user.manage": { ADMIN: true, SECRETARIAT: false, DELEGATE: false },
  "meeting.list": { ADMIN: true, SECRETARIAT: true, DELEGATE: true },
  "meeting.view": { ADMIN: true, SECRETARIAT: true, DELEGATE: takesPart },
  "meeting.create": { ADMIN: false, SECRETARIAT: true, DELEGATE: false },
  "meeting.edit": { ADMIN: false, SECRETARIAT: true, DELEGATE: false },
  "directory.view": { ADMIN: true, SECRETARIAT: true, DELEGATE: false },
  "directory.edit": { ADMIN: true, SECRETARIAT: true, DELEGATE: false },
  "profile.update": { ADMIN: true, SECRETARIAT: true, DELEGATE: true },
  "communique.view": { ADMIN: true, SECRETARIAT: true, DELEGATE: takesPart },
  "communique.create": { ADMIN: false, SECRETARIAT: true, DELEGATE: false },
  "communique.edit": { ADMIN: false, SECRETARIAT: true, DELEGATE: false },
  "communique.submit": { ADMIN: false, SECRETARIAT: true, DELEGATE: false },
  "revision.create": { ADMIN: false, SECRETARIAT: true, DELEGATE: false },
  "revision.view": { ADMIN: true, SECRETARIAT: true, DELEGATE: takesPart },
  "library.view": { ADMIN: false, SECRETARIAT: true, DELEGATE: false },
  "library.edit": { ADMIN: false, SECRETARIAT: true, DELEGATE: false },
  "approval.route": { ADMIN: false, SECRETARIAT: true, DELEGATE: false },
  "approval.remind": { ADMIN: false, SECRETARIAT: true, DELEGATE: false },
  "approval.decide": { ADMIN: false, SECRETARIAT: false, DELEGATE: takesPart },
  "approval.status": { ADMIN: true, SECRETARIAT: true, DELEGATE: takesPart },
  "comment.add": { ADMIN: false, SECRETARIAT: true, DELEGATE: takesPart },
  "comment.resolve": { ADMIN: false, SECRETARIAT: true, DELEGATE: false },
  "outbox.view": { ADMIN: true, SECRETARIAT: true, DELEGATE: false },
  "signing.open": { ADMIN: false, SECRETARIAT: true, DELEGATE: false },
  "signing.withdraw": { ADMIN: false, SECRETARIAT: true, DELEGATE: false },
  "signing.sign": { ADMIN: false, SECRETARIAT: false, DELEGATE: takesPart },
  "signed.download": { ADMIN: true, SECRETARIAT: true, DELEGATE: takesPart },
} satisfies Record<string, Record<Role, Rule>>;

export type Action = keyof typeof POLICY;

/**
 * What a session opened by an e-mailed link may do, and only to the communiqué it was sent
 * for: read it, decide on it, comment, sign, download it signed. Anyone the e-mail is forwarded
 * to gets no more than that, and no lasting access to anything else.
 */
export const LINK_SESSION_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  "communique.view",
  "revision.view",
  "approval.status",
  "approval.decide",
  "comment.add",
  "signing.sign",
  "signed.download",
]);
