"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type ReactNode } from "react";
import { openSigningAction, saveRevisionAction, submitAction } from "@/app/communiques/[id]/actions";
import type { DraftView } from "@/lib/communiques/get-draft";
import { RoutePanel } from "./route-panel";
import { SubmitConfirm } from "./submit-confirm";
import type { DraftState, Failure } from "./use-draft-state";

type Props = {
  draft: DraftView;
  state: DraftState;
  onNotice: (text: string) => void;
  onProblem: (failure: Failure | null) => void;
  /** Notices that must stay in sight while the page scrolls. */
  children?: ReactNode;
};

/** Status, save state, the stale-translation count, and the actions on the whole draft. */
export function EditorToolbar({ draft, state, onNotice, onProblem, children }: Props) {
  const t = useTranslations("editor");
  const ts = useTranslations("status");
  const tb = useTranslations("board");
  const tsig = useTranslations("signing");
  const tcm = useTranslations("comments");
  const router = useRouter();
  const [busy, startTransition] = useTransition();
  const id = draft.communique.id;
  const stale = state.clauses.filter((c) => c.ruStale || c.jaStale).length;
  const [route, setRoute] = useState<Record<string, number>>({});
  const [confirming, setConfirming] = useState(false);
  const openComments = draft.comments.filter((c) => !c.resolved);

  const run = (action: () => Promise<void>) =>
    startTransition(async () => {
      await state.flush();
      await action();
      router.refresh();
    });

  return (
    <div className="toolbar" role="region" aria-label={t("status", { status: ts(draft.communique.status) })}>
      <div className="toolbar__status">
        <span className="badge">{t("status", { status: ts(draft.communique.status) })}</span>
        <span className={`save-state save-state--${state.saveState}`} aria-live="polite" data-testid="save-state">
          {t(state.saveState === "saved" ? "saved" : state.saveState === "saving" ? "saving" : "saveError")}
        </span>
        <span className={stale ? "badge badge--warn" : "badge badge--ok"} data-testid="stale-count">
          {stale ? t("staleCount", { count: stale }) : t("allInSync")}
        </span>
        {openComments.length > 0 && (
          <a className="badge badge--warn" href={`#comment-${openComments[0]!.id}`} data-testid="open-comments">
            {tcm("openCount", { count: openComments.length })}
          </a>
        )}
        <span className="meta">
          {draft.latestRevision
            ? t("lastRevision", { number: draft.latestRevision.number, hash: draft.latestRevision.hash.slice(0, 12) })
            : t("noRevision")}
        </span>
      </div>
      <div className="actions">
        {draft.canEdit && (
          <button
            type="button"
            className="button button--quiet"
            disabled={busy}
            onClick={() =>
              run(async () => {
                const result = await saveRevisionAction(id);
                onProblem(result.ok ? null : result);
                if (result.ok) {
                  const { number, hash, created, resent } = result.data;
                  onNotice(resent ? t("resent", { number }) : created ? t("revisionSaved", { number, hash: hash.slice(0, 12) }) : t("revisionUnchanged", { number }));
                }
              })
            }
          >
            {t("saveRevision")}
          </button>
        )}
        {draft.canSubmit && (
          <button type="button" className="button" disabled={busy || confirming} aria-expanded={confirming} onClick={() => setConfirming(true)}>
            {t("submit")}
          </button>
        )}
        {draft.communique.status === "APPROVED" && (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() =>
              run(async () => {
                const result = await openSigningAction(id);
                onProblem(result.ok ? null : result);
                if (result.ok) onNotice(tsig("openedSigning"));
              })
            }
          >
            {tsig("openSigning")}
          </button>
        )}
        {(draft.communique.status === "SIGNING" || draft.communique.status === "SIGNED") && (
          <Link className="button" href={`/communiques/${id}/sign`}>
            {tsig("title")}
          </Link>
        )}
        {draft.communique.status !== "DRAFT" && (
          <Link className="button button--quiet" href={`/communiques/${id}/status`}>
            {tb("title")}
          </Link>
        )}
        <Link className="button button--quiet" href={`/communiques/${id}/revisions`}>
          {t("history")}
        </Link>
        <a className="button button--quiet" href={`/communiques/${id}/pdf`}>
          {t("draftPdf")}
        </a>
      </div>
      {draft.canSubmit && <RoutePanel delegations={draft.delegations} steps={route} onChange={setRoute} />}
      {draft.canSubmit && confirming && (
        <SubmitConfirm
          delegations={draft.delegations}
          steps={route}
          busy={busy}
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            run(async () => {
              const result = await submitAction(id, Object.keys(route).length ? { steps: route } : undefined);
              onProblem(result.ok ? null : result);
              setConfirming(false);
              if (result.ok) onNotice(t("submitted"));
            })
          }
        />
      )}
      {draft.communique.status === "IN_APPROVAL" && <p className="meta toolbar__note">{t("inApprovalNote")}</p>}
      {children}
    </div>
  );
}
