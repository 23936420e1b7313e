"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useLayoutEffect, useRef, useState, useTransition, type MouseEvent } from "react";
import { createPortal } from "react-dom";
import { addCommentAction } from "@/app/communiques/[id]/review/actions";
import type { ActionResult } from "@/lib/actions/action-result";

type Props = {
  communiqueId: string;
  revisionId: string;
  emphasis: "ru" | "ja";
  /** The rows, made on the server (`review-markup.ts`). */
  html: string;
};

/** The comment form that is open: under which thread, answering which comment, opened by which button. */
type OpenForm = { blockId: string; lang: "ru" | "ja"; parentId: string | null; slot: HTMLElement; trigger: HTMLElement };
const formKey = (form: OpenForm) => `${form.blockId}:${form.lang}:${form.parentId ?? ""}`;

/**
 * The revision under review with its comment threads. The rows are server-made markup; one
 * listener on the article opens the form of whichever "Comment" or "Reply" button is pressed,
 * in place of that button, so a 60-clause document carries one client component, not 120.
 */
export function ReviewArticle({ communiqueId, revisionId, emphasis, html }: Props) {
  const t = useTranslations("review");
  const te = useTranslations("errors");
  const article = useRef<HTMLElement>(null);
  const [open, setOpen] = useState<OpenForm | null>(null);
  const [body, setBody] = useState("");
  const [failure, setFailure] = useState<Extract<ActionResult, { ok: false }> | null>(null);
  const [busy, start] = useTransition();
  const drafts = useRef(new Map<string, string>());

  const onClick = (event: MouseEvent<HTMLElement>) => {
    const trigger = (event.target as Element).closest<HTMLElement>("button[data-new-comment], button[data-reply]");
    const thread = trigger?.closest<HTMLElement>("[data-comments]");
    if (!trigger || !thread) return;
    const anchor = thread.dataset.comments!;
    const split = anchor.lastIndexOf(":");
    const slot = document.createElement("div");
    trigger.after(slot);
    const next: OpenForm = { blockId: anchor.slice(0, split), lang: anchor.slice(split + 1) === "ja" ? "ja" : "ru", parentId: trigger.dataset.reply ?? null, slot, trigger };
    // One form at a time; what was typed in another stays as its draft for when it is reopened.
    if (open) drafts.current.set(formKey(open), body);
    setOpen(next);
    setBody(drafts.current.get(formKey(next)) ?? "");
    setFailure(null);
  };

  // While a form is open its button is hidden. Closing it takes the form away and gives the
  // button back, with the focus if the form had it. After a comment is sent the page comes back
  // with the comment in fresh markup, which replaces that button: the focus then goes to the same
  // thread's button in the new markup.
  const closedBy = useRef<"escape" | "send" | null>(null);
  const refocus = useRef<string | null>(null);
  useEffect(() => {
    if (!open) return;
    open.trigger.hidden = true;
    return () => {
      const by = closedBy.current;
      closedBy.current = null;
      const wanted = by !== null || open.slot.contains(document.activeElement);
      open.slot.remove();
      open.trigger.hidden = false;
      if (!wanted) return;
      const selector = open.parentId ? `button[data-reply="${CSS.escape(open.parentId)}"]` : `[data-comments="${CSS.escape(`${open.blockId}:${open.lang}`)}"] > button[data-new-comment]`;
      (open.trigger.isConnected ? open.trigger : article.current?.querySelector<HTMLElement>(selector))?.focus();
      if (by === "send") refocus.current = selector;
    };
  }, [open]);
  useLayoutEffect(() => {
    const selector = refocus.current;
    refocus.current = null;
    if (selector && !article.current?.contains(document.activeElement)) article.current?.querySelector<HTMLElement>(selector)?.focus();
  }, [html]);

  // Focused when a form opens (a new callback for each form), the caret after a kept draft.
  const focusArea = useCallback(
    (area: HTMLTextAreaElement | null) => {
      if (!area || !open) return;
      area.focus();
      area.setSelectionRange(area.value.length, area.value.length);
    },
    [open],
  );

  const send = () =>
    open &&
    start(async () => {
      const { blockId, lang, parentId } = open;
      const result = await addCommentAction({ communiqueId, revisionId, blockId, lang, body, ...(parentId ? { parentId } : {}) });
      if (result.ok) {
        drafts.current.delete(formKey(open));
        closedBy.current = "send";
        setBody("");
        setOpen(null);
        setFailure(null);
      } else setFailure(result);
    });

  const id = open && `c-${open.blockId}-${open.lang}-${open.parentId ?? "new"}`;
  return (
    <>
      <article ref={article} className="parallel review" data-emphasis={emphasis} onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />
      {open &&
        createPortal(
          <div className="comment-form">
            <label className="lang-tag" htmlFor={id!}>
              {t("commentOn", { lang: open.lang === "ru" ? "RU" : "JA" })}
            </label>
            <textarea
              id={id!}
              className="clause-text"
              value={body}
              onChange={(e) => setBody(e.target.value)}
              onKeyDown={(e) => {
                if (e.key !== "Escape" || busy) return;
                drafts.current.set(formKey(open), body);
                closedBy.current = "escape";
                setOpen(null);
              }}
              maxLength={4000}
              ref={focusArea}
            />
            {failure && (
              <p className="field-error" role="alert">
                {te(failure.code, failure.params)}
              </p>
            )}
            <button type="button" className="button button--small" disabled={busy || !body.trim()} onClick={send}>
              {t("send")}
            </button>
          </div>,
          open.slot,
        )}
    </>
  );
}
