"use server";

import { cookies } from "next/headers";
import { getActor } from "@/lib/auth/get-actor";
import { config } from "@/lib/config";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { setOwnLocale } from "@/lib/users/set-own-locale";

/**
 * Switches the interface language: remembered in a cookie and, when signed in, in the profile
 * (not from a session opened by an e-mailed link, which may change nothing of the account).
 */
export async function setLocaleAction(locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  const actor = await getActor();
  if (actor && !actor.linkScope) await setOwnLocale(actor, locale);
  const { production, insecureCookies } = config();
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: 365 * 24 * 3600,
    sameSite: "lax",
    httpOnly: true,
    secure: production && !insecureCookies,
  });
}
