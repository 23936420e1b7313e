import { useLocale } from "next-intl";
import type { ReactNode } from "react";

/** A pair of texts shown side by side (stacked on a phone), each marked with its language, the reader's first. */
export function Bilingual({ ru, ja, as: Tag = "div" }: { ru: ReactNode; ja: ReactNode; as?: "div" | "span" }) {
  const ruText = <span lang="ru">{ru}</span>;
  const jaText = <span lang="ja">{ja}</span>;
  return (
    <Tag className="bilingual">
      {useLocale() === "ja" ? (
        <>
          {jaText}
          {ruText}
        </>
      ) : (
        <>
          {ruText}
          {jaText}
        </>
      )}
    </Tag>
  );
}
