import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getActor } from "@/lib/auth/get-actor";
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type UiLocale } from "./locales";

/**
 * The signed-in user's preference, else the remembered cookie, else the browser's language. In a
 * session opened by an e-mailed link, which changes nothing of the account, this browser's
 * remembered choice comes first.
 */
export async function resolveLocale(): Promise<UiLocale> {
  const actor = await getActor();
  if (actor && !actor.linkScope && isLocale(actor.locale)) return actor.locale;
  const remembered = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(remembered)) return remembered;
  if (actor && isLocale(actor.locale)) return actor.locale;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return {
    locale,
    messages: (await import(`./messages/${locale}.json`)).default,
    timeZone: "UTC",
  };
});
