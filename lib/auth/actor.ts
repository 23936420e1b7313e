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
}
