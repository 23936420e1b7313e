import type { ReactNode } from "react";

/** A pair of texts shown side by side (stacked on a phone), each marked with its language. */
export function Bilingual({ ru, ja, as: Tag = "div" }: { ru: ReactNode; ja: ReactNode; as?: "div" | "span" }) {
  return (
    <Tag className="bilingual">
      <span lang="ru">{ru}</span>
      <span lang="ja">{ja}</span>
    </Tag>
  );
}
