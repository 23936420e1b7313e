"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { MAX_CLAUSE_CHARS } from "@/lib/clauses/limits";
import { blockName } from "@/lib/communique/part-labels";
import { TextCell } from "./text-cell";
import type { DraftState, Lang, PartView } from "./use-draft-state";


/** A part generated from the meeting's data; a hand edit wins until it is reset. */
export function PartRow({ part, state, editable, comments }: { part: PartView; state: DraftState; editable: boolean; comments?: ReactNode }) {
  const t = useTranslations("editor");
  const label = blockName(t, { kind: "part", part: part.kind });
  const cell = (lang: Lang) => (
    <TextCell
      id={`part-${part.kind}-${lang}`}
      lang={lang}
      label={t(lang === "ru" ? "textRu" : "textJa", { part: label })}
      value={part.text[lang]}
      max={MAX_CLAUSE_CHARS}
      readOnly={!editable}
      failure={state.failures[`part-${part.kind}:${lang}`]}
      badge={<span className={part.edited[lang] ? "badge badge--warn" : "badge"}>{part.edited[lang] ? t("editedByHand") : t("generated")}</span>}
      onChange={(text) => state.editPart(part.kind, lang, text)}
      onBlur={() => void state.savePart(part.kind, lang)}
    >
      {editable && part.edited[lang] && (
        <button type="button" className="button button--quiet button--small" onClick={() => void state.savePart(part.kind, lang, true)}>
          {t("resetToGenerated")}
        </button>
      )}
    </TextCell>
  );
  return (
    <li className="clause-row clause-row--part" id={`block-${part.blockId}`} data-part={part.kind}>
      <div className="clause-row__tools">
        <span className="clause-row__number">{label}</span>
      </div>
      <div className="clause-row__texts">
        {cell("ru")}
        {cell("ja")}
      </div>
      {comments}
    </li>
  );
}
