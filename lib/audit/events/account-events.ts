import type { Role } from "@/lib/db";
import type { AuditSubjects } from "../audit-events";

/** Accounts, their passwords and sessions, and the e-mailed links that open them. */
export interface AccountEvents {
  "user.created": { email: string; role: Role; invited: true; invitation: string };
  "user.updated": { role: Role; active: boolean; sessionsEnded: number };
  "user.invitation_resent": { invitation: string };
  "user.invitation_revoked": { invitations: string[] };
  "user.invitation_accepted": { token: string; ip: string };
  "user.sessions_ended": { count: number };
  "session.ended": { session: string };
  "session.others_ended": { count: number };
  /** A sign-in link bound to one communiqué: an event of that communiqué. */
  "session.link_used": { token: string; session: string; ip: string };
  "session.link_renewed": { user: string; replaces: string };
  "password.changed": { hadPassword: boolean; sessionsEnded: number; ip: string };
  "password.reset_requested": { ip: string };
  "password.reset_refused": { reason: "inactive"; ip: string };
  "password.reset": { token: string; sessionsEnded: number; ip: string };
}

export const ACCOUNT_SUBJECTS = {
  "user.created": "User",
  "user.updated": "User",
  "user.invitation_resent": "User",
  "user.invitation_revoked": "User",
  "user.invitation_accepted": "User",
  "user.sessions_ended": "User",
  "session.ended": "User",
  "session.others_ended": "User",
  "session.link_used": "Communique",
  "session.link_renewed": "Communique",
  "password.changed": "User",
  "password.reset_requested": "User",
  "password.reset_refused": "User",
  "password.reset": "User",
} as const satisfies AuditSubjects<AccountEvents>;
