"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useRef, useState, useTransition } from "react";
import { resolveCommentAction } from "@/app/communiques/[id]/actions";
import { addCommentAction } from "@/app/communiques/[id]/review/actions";
import type { ActionResult } from "@/lib/actions/action-result";
import type { CommentThread as Thread, CommentView } from "@/lib/comments/comment-threads";

type Failure = Extract<ActionResult, { ok: false }>;

type Props = {
  communiqueId: string;
  thread: Thread;
  /** Where the thread sits, as the reader names it ("Пункт 3"); shown when the thread is listed away from its block. */
  where?: string;
  canReply: boolean;
  canResolve: boolean;
};

const MAX_BODY = 4000;

/**
 * One comment thread: the comment, its replies, a reply form, and — for the secretariat —
 * resolve or reopen. A reply to a resolved thread opens it again (the server does it too).
 */
export function CommentThread({ communiqueId, thread, where, canReply, canResolve }: Props) {
  const t = useTranslations("comments");
  const te = useTranslations("errors");
  const tc = useTranslations("common");
  const format = useFormatter();
  const router = useRouter();
  const formId = useId();
  const [replying, setReplying] = useState(false);
  const [body, setBody] = useState("");
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, start] = useTransition();
  const replyButton = useRef<HTMLButtonElement>(null);
  const lang = thread.lang.toUpperCase();
  const when = (at: Date) => format.dateTime(new Date(at), { dateStyle: "medium", timeStyle: "short" });

  const run = (action: () => Promise<ActionResult>, after?: () => void) =>
    start(async () => {
      const result = await action();
      setFailure(result.ok ? null : result);
      if (result.ok) {
        after?.();
        router.refresh();
      }
    });

  const send = () =>
    run(
      () => addCommentAction({ communiqueId, revisionId: thread.revisionId, blockId: thread.blockId, lang: thread.lang, body, parentId: thread.id }),
      () => {
        setBody("");
        setReplying(false);
      },
    );

  const item = (c: CommentView, reply: boolean) => (
    <div key={c.id} className={reply ? "comment comment--reply" : "comment"} data-comment={c.id}>
      <p className="comment__meta">
        {!reply && (
          <>
            <span className="lang-tag">{where ? t("where", { block: where, lang }) : lang}</span>{" "}
          </>
        )}
        {c.author} · {t("onRevision", { number: c.revision })} · <time dateTime={new Date(c.at).toISOString()}>{when(c.at)}</time>
      </p>
      <p className="comment__body">{c.body}</p>
    </div>
  );

  return (
    <article className="comment-thread" id={`comment-${thread.id}`} data-thread={thread.id} data-resolved={thread.resolved ? "true" : "false"} lang={thread.lang}>
      {item(thread, false)}
      {thread.replies.map((r) => item(r, true))}
      {thread.resolved && (
        <p className="comment__meta">
          <span className="badge badge--ok">{t("resolved")}</span> {t("resolvedBy", { name: thread.resolved.by, at: when(thread.resolved.at) })}
        </p>
      )}
      {replying ? (
        <div className="comment-form">
          <label htmlFor={`${formId}-reply`}>{t("replyTo", { author: thread.author })}</label>
          <textarea
            id={`${formId}-reply`}
            className="clause-text"
            rows={3}
            value={body}
            maxLength={MAX_BODY}
            autoFocus
            aria-invalid={failure ? true : undefined}
            aria-describedby={failure ? `${formId}-error` : undefined}
            onChange={(e) => setBody(e.target.value)}
          />
          <div className="actions">
            <button type="button" className="button button--small" disabled={busy || body.trim() === ""} onClick={send}>
              {t("send")}
            </button>
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => {
                setReplying(false);
                setFailure(null);
                replyButton.current?.focus();
              }}
            >
              {tc("cancel")}
            </button>
          </div>
        </div>
      ) : null}
      {failure && (
        <p className="field-error" role="alert" id={`${formId}-error`}>
          {te(failure.code, failure.params)}
        </p>
      )}
      {(canReply || canResolve) && (
        <div className="actions comment-thread__actions">
          {canReply && !replying && (
            <button ref={replyButton} type="button" className="link-button" onClick={() => setReplying(true)} aria-label={`${t("reply")} (${thread.author})`}>
              {t("reply")}
            </button>
          )}
          {canResolve && (
            <button
              type="button"
              className="link-button"
              disabled={busy}
              onClick={() => run(() => resolveCommentAction({ communiqueId, commentId: thread.id, resolved: !thread.resolved }))}
            >
              {thread.resolved ? t("reopen") : t("resolve")}
            </button>
          )}
        </div>
      )}
    </article>
  );
}

/** The threads of one block: open ones shown, resolved ones folded under a count. */
export function BlockComments({ threads, ...rest }: Omit<Props, "thread" | "where"> & { threads: Thread[] }) {
  const t = useTranslations("comments");
  if (threads.length === 0) return null;
  const open = threads.filter((x) => !x.resolved);
  const resolved = threads.filter((x) => x.resolved);
  return (
    <div className="block-comments" data-open-comments={open.length}>
      {open.map((thread) => (
        <CommentThread key={thread.id} thread={thread} {...rest} />
      ))}
      {resolved.length > 0 && (
        <details className="block-comments__resolved">
          <summary>{t("resolvedCount", { count: resolved.length })}</summary>
          {resolved.map((thread) => (
            <CommentThread key={thread.id} thread={thread} {...rest} />
          ))}
        </details>
      )}
    </div>
  );
}
