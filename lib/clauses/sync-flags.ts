import type { Lang } from "@/lib/communique/content";

export interface SyncFlags {
  ruStale: boolean;
  jaStale: boolean;
}

const key = (lang: Lang): keyof SyncFlags => (lang === "ru" ? "ruStale" : "jaStale");
const other = (lang: Lang): Lang => (lang === "ru" ? "ja" : "ru");

/**
 * The translation flags after a save of `lang`.
 *
 * An edit that updates a flagged translation clears its flag and leaves the other side alone;
 * so does every save of the same editing pass (`translating`: the editor keeps saving while
 * the user types). Any other edit means the text changed: the other language needs an update.
 */
export function afterEdit(flags: SyncFlags, lang: Lang, translating: boolean): SyncFlags {
  if (flags[key(lang)] || translating) return { ...flags, [key(lang)]: false };
  return { ...flags, [key(other(lang))]: true };
}

/** Someone checked the translation in `lang` against the other language: it is in sync. */
export function afterConfirm(flags: SyncFlags, lang: Lang): SyncFlags {
  return { ...flags, [key(lang)]: false };
}

export function staleLangs(flags: SyncFlags): Lang[] {
  return (["ru", "ja"] as const).filter((lang) => flags[key(lang)]);
}
