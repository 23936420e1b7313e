import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/validation/fields";
import { localeInput } from "./user-input";

/** Remembers the UI language a user chose in the header. */
export async function setOwnLocale(actor: Actor | null, locale: unknown) {
  assertCan(actor, "profile.update");
  const value = parseInput(localeInput, locale);
  await db.user.update({ where: { id: actor.userId }, data: { locale: value } });
}
