"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { MAX_CLAUSE_CHARS } from "@/lib/clauses/limits";
import { ConflictView } from "./conflict-view";
import { TextCell } from "./text-cell";
import type { ClauseView, DraftState, Lang } from "./use-draft-state";

type Props = {
  clause: ClauseView;
  index: number;
  count: number;
  state: DraftState;
  editable: boolean;
  onMove: (toIndex: number) => void;
  onDelete: () => void;
  onSaveToLibrary: () => void;
  /** The comment threads on this clause. */
  comments?: ReactNode;
};

/** One clause: Russian left, Japanese right, with its translation flags and its tools. */
export function ClauseRow({ clause, index, count, state, editable, onMove, onDelete, onSaveToLibrary, comments }: Props) {
  const t = useTranslations("editor");
  const n = index + 1;
  const sortable = useSortable({ id: clause.id, disabled: !editable });
  const style = { transform: CSS.Transform.toString(sortable.transform), transition: sortable.transition };
  const stale = (lang: Lang) => (lang === "ru" ? clause.ruStale : clause.jaStale);

  const cell = (lang: Lang) => {
    const key = `${clause.id}:${lang}`;
    const conflict = state.conflicts[key];
    return (
      <TextCell
        id={`clause-${clause.id}-${lang}`}
        lang={lang}
        label={t(lang === "ru" ? "textRu" : "textJa", { part: t("clauseN", { n }) })}
        value={lang === "ru" ? clause.textRu : clause.textJa}
        max={MAX_CLAUSE_CHARS}
        readOnly={!editable || Boolean(conflict)}
        failure={state.failures[key]}
        badge={
          stale(lang) ? (
            <span className="badge badge--warn" data-testid={`stale-${lang}`}>
              {t("needsUpdate")}
            </span>
          ) : null
        }
        onChange={(text) => state.editClause(clause.id, lang, text)}
        onFocus={() => state.focusClause(clause.id, lang)}
        onBlur={() => state.blurClause(clause.id, lang)}
      >
        {stale(lang) && editable && (
          <button type="button" className="button button--quiet button--small" onClick={() => void state.confirm(clause.id, lang)}>
            {t("translationChecked")}
          </button>
        )}
        {conflict && (
          <ConflictView
            conflict={conflict}
            lang={lang}
            onKeepTheirs={() => state.resolveConflict(clause.id, lang, { keep: "theirs" })}
            onKeepText={(text) => state.resolveConflict(clause.id, lang, { keep: "text", text })}
          />
        )}
      </TextCell>
    );
  };

  return (
    <li ref={sortable.setNodeRef} style={style} className="clause-row" id={`block-${clause.blockId}`} data-clause={clause.id} data-stale={clause.ruStale || clause.jaStale}>
      <div className="clause-row__tools">
        <span className="clause-row__number">{t("clauseN", { n })}</span>
        {editable && (
          <>
            <button
              type="button"
              className="button button--quiet button--small drag-handle"
              aria-label={t("dragHandle", { n })}
              {...sortable.attributes}
              {...sortable.listeners}
            >
              ⠿
            </button>
            <button type="button" className="button button--quiet button--small" disabled={index === 0} onClick={() => onMove(index - 1)} aria-label={t("moveUp", { n })}>
              ↑
            </button>
            <button type="button" className="button button--quiet button--small" disabled={index === count - 1} onClick={() => onMove(index + 1)} aria-label={t("moveDown", { n })}>
              ↓
            </button>
            <button type="button" className="button button--quiet button--small" onClick={onSaveToLibrary}>
              {t("saveToLibrary")}
            </button>
            <button type="button" className="button button--quiet button--small button--danger" onClick={onDelete} aria-label={t("delete", { n })}>
              ✕
            </button>
          </>
        )}
      </div>
      <div className="clause-row__texts">
        {cell("ru")}
        {cell("ja")}
      </div>
      {comments}
    </li>
  );
}
