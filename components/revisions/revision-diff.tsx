import { getTranslations } from "next-intl/server";
import { DiffPieces } from "@/components/document/block-text";
import type { BlockDiff } from "@/lib/revisions/compare-contents";

/** Changed blocks side by side per language: insertions and deletions marked in place. */
export async function RevisionDiff({ diff }: { diff: BlockDiff[] }) {
  const t = await getTranslations("revisions");
  const changed = diff.filter((d) => d.status !== "same");
  if (changed.length === 0) return <p className="card">{t("nothingChanged")}</p>;
  return (
    <div className="diff">
      <p className="meta">{t("onlyChanged")}</p>
      {changed.map((d) => (
        <div key={d.id} className={`diff__block diff__block--${d.status}`} data-block={d.id}>
          <p className="lang-tag">{t(d.status === "changed" ? "changed" : d.status)}</p>
          <div className="parallel__row">
            <DiffPieces pieces={d.ru} lang="ru" />
            <DiffPieces pieces={d.ja} lang="ja" />
          </div>
        </div>
      ))}
    </div>
  );
}
