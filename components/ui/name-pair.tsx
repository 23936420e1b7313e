import { useLocale } from "next-intl";
import type { ReactNode } from "react";

/**
 * A name (or any short text) in both languages on one line, the reader's language first:
 * a Japanese reader sees 「中原八一 / НАКАХАРА Яити」, a Russian one the other way round.
 */
export function NamePair({ ru, ja, separator = " / " }: { ru: string; ja: string; separator?: ReactNode }) {
  const jaFirst = useLocale() === "ja";
  const first = jaFirst ? <span lang="ja">{ja}</span> : <span lang="ru">{ru}</span>;
  const second = jaFirst ? <span lang="ru">{ru}</span> : <span lang="ja">{ja}</span>;
  return (
    <>
      {first}
      {separator}
      {second}
    </>
  );
}

/** The same order for plain text (option labels, accessible names). */
export function pairLabel(locale: string, ru: string, ja: string): string {
  return locale === "ja" ? `${ja} / ${ru}` : `${ru} / ${ja}`;
}
