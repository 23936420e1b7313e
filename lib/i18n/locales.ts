export const LOCALES = ["ru", "ja", "en"] as const;
export type UiLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: UiLocale = "ru";
export const LOCALE_COOKIE = "locale";

export function isLocale(value: unknown): value is UiLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The best of our locales for an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null): UiLocale {
  for (const part of (header ?? "").split(",")) {
    const tag = part.split(";")[0]?.trim().slice(0, 2).toLowerCase();
    if (isLocale(tag)) return tag;
  }
  return DEFAULT_LOCALE;
}
