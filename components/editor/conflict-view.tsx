"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { Conflict, Lang } from "./use-draft-state";

type Props = {
  conflict: Conflict;
  lang: Lang;
  onKeepTheirs: () => void;
  onKeepText: (text: string) => void;
};

/** Both texts side by side: keep either, or merge by hand. Nothing typed is thrown away. */
export function ConflictView({ conflict, lang, onKeepTheirs, onKeepText }: Props) {
  const t = useTranslations("editor");
  const [merging, setMerging] = useState(false);
  const [merged, setMerged] = useState(conflict.yours);
  const theirs = (lang === "ru" ? conflict.theirs.textRu : conflict.theirs.textJa) ?? "";
  return (
    <div className="conflict" role="alert">
      <p>
        <strong>{t("conflictTitle")}</strong>
      </p>
      <div className="conflict__texts">
        <div>
          <p className="lang-tag">{t("conflictYours")}</p>
          <p lang={lang} className="conflict__text" data-testid="conflict-yours">
            {conflict.yours}
          </p>
        </div>
        <div>
          <p className="lang-tag">{t("conflictTheirs")}</p>
          <p lang={lang} className="conflict__text" data-testid="conflict-theirs">
            {theirs}
          </p>
        </div>
      </div>
      {merging && (
        <textarea className="clause-text" lang={lang} value={merged} onChange={(e) => setMerged(e.target.value)} aria-label={t("mergeByHand")} rows={5} />
      )}
      <div className="actions">
        {merging ? (
          <button type="button" className="button" onClick={() => onKeepText(merged)}>
            {t("saveMerged")}
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={() => onKeepText(conflict.yours)}>
              {t("keepMine")}
            </button>
            <button type="button" className="button button--quiet" onClick={onKeepTheirs}>
              {t("keepTheirs")}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setMerging(true)}>
              {t("mergeByHand")}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
