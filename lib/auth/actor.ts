import type { Locale, Role } from "@/lib/db";

/** Who is acting: what every use case receives first. */
export interface Actor {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  locale: Locale;
  /** The person this account speaks for (delegation heads, deputies, signatories). */
  personId: string | null;
  /** The session the request came with (absent for actors made outside a request). */
  sessionId?: string;
  /**
   * Set when the session was opened by an e-mailed link: the communiqué it may read and decide
   * on, and nothing else (lib/authz refuses every other subject and action).
   */
  linkScope?: string;
  /** Whether the account has a password (signing then confirms with it, else with a mailed code). */
  hasPassword?: boolean;
}
