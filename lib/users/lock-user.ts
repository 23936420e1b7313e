import type { Locale, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

export interface LockedUser {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
  active: boolean;
  hasPassword: boolean;
}

/**
 * The account named by a request (its id comes from the browser, so anything may arrive), locked
 * until the transaction ends: two admins resending at once must not leave two live invitations,
 * and whether it has a password cannot change between the check and the write. Only whether
 * there is a hash is read, never the hash.
 */
export async function lockUser(tx: Tx, userId: unknown): Promise<LockedUser> {
  if (typeof userId !== "string" || userId.length === 0 || userId.length > 100) throw new AppError("NOT_FOUND");
  const [row] = await tx.$queryRaw<LockedUser[]>`
    SELECT "id", "email", "displayName", "locale"::text AS "locale", "active", "passwordHash" IS NOT NULL AS "hasPassword"
    FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}
