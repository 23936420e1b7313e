"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { addCommentAction } from "@/app/communiques/[id]/review/actions";
import type { ActionResult } from "@/lib/actions/action-result";

export type ThreadComment = { id: string; body: string; author: string; at: string; parentId: string | null; revision: number };

type Props = {
  communiqueId: string;
  revisionId: string;
  blockId: string;
  lang: "ru" | "ja";
  comments: ThreadComment[];
  canComment: boolean;
};

/** Comments anchored to one block in one language, with replies; a form to add one. */
export function CommentThread({ communiqueId, revisionId, blockId, lang, comments, canComment }: Props) {
  const t = useTranslations("review");
  const te = useTranslations("errors");
  const [open, setOpen] = useState<null | "new" | string>(null);
  const [body, setBody] = useState("");
  const [failure, setFailure] = useState<Extract<ActionResult, { ok: false }> | null>(null);
  const [busy, start] = useTransition();
  const roots = comments.filter((c) => !c.parentId);
  const send = (parentId?: string) =>
    start(async () => {
      const result = await addCommentAction({ communiqueId, revisionId, blockId, lang, body, ...(parentId ? { parentId } : {}) });
      if (result.ok) {
        setBody("");
        setOpen(null);
        setFailure(null);
      } else setFailure(result);
    });
  const form = (parentId?: string) => (
    <div className="comment-form">
      <label className="lang-tag" htmlFor={`c-${blockId}-${lang}-${parentId ?? "new"}`}>
        {t("commentOn", { lang: lang === "ru" ? "RU" : "JA" })}
      </label>
      <textarea id={`c-${blockId}-${lang}-${parentId ?? "new"}`} className="clause-text" value={body} onChange={(e) => setBody(e.target.value)} maxLength={4000} />
      {failure && (
        <p className="field-error" role="alert">
          {te(failure.code, failure.params)}
        </p>
      )}
      <button type="button" className="button button--small" disabled={busy || !body.trim()} onClick={() => send(parentId)}>
        {t("send")}
      </button>
    </div>
  );
  return (
    <div className="comments" data-comments={`${blockId}:${lang}`}>
      {roots.map((c) => (
        <div key={c.id} className="comment">
          <p className="comment__meta">
            {c.author} · v{c.revision}
          </p>
          <p className="comment__body">{c.body}</p>
          {comments
            .filter((r) => r.parentId === c.id)
            .map((r) => (
              <div key={r.id} className="comment comment--reply">
                <p className="comment__meta">
                  {r.author} · v{r.revision}
                </p>
                <p className="comment__body">{r.body}</p>
              </div>
            ))}
          {canComment &&
            (open === c.id ? (
              form(c.id)
            ) : (
              <button type="button" className="link-button" onClick={() => setOpen(c.id)}>
                {t("reply")}
              </button>
            ))}
        </div>
      ))}
      {canComment &&
        (open === "new" ? (
          form()
        ) : (
          <button type="button" className="link-button" onClick={() => setOpen("new")} aria-label={`${t("comment")} (${lang.toUpperCase()})`}>
            {t("comment")}
          </button>
        ))}
    </div>
  );
}
