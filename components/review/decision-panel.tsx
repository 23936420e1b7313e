"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { decideAction } from "@/app/communiques/[id]/review/actions";
import type { ActionResult } from "@/lib/actions/action-result";

type Props = {
  communiqueId: string;
  revisionHash: string;
  asDeputyFor: string | null;
};

/** Approve, or request changes with a comment: bound to the hash of the revision on screen. */
export function DecisionPanel({ communiqueId, revisionHash, asDeputyFor }: Props) {
  const t = useTranslations("review");
  const te = useTranslations("errors");
  const [comment, setComment] = useState("");
  const [failure, setFailure] = useState<Extract<ActionResult, { ok: false }> | null>(null);
  const [busy, start] = useTransition();
  const submit = (decision: "APPROVED" | "CHANGES_REQUESTED") =>
    start(async () => {
      const result = await decideAction({ communiqueId, revisionHash, decision, comment });
      setFailure(result.ok ? null : result);
    });
  const link = failure?.code === "REVISION_SUPERSEDED" ? (failure.details as { link?: string } | null)?.link : undefined;
  return (
    <section className="card decision" aria-labelledby="decision-title">
      <h2 id="decision-title">{t("title")}</h2>
      {asDeputyFor && <p className="notice">{t("asDeputy", { name: asDeputyFor })}</p>}
      <p className="meta">{t("hashNote", { hash: revisionHash.slice(0, 12) })}</p>
      <div className="field">
        <label htmlFor="decision-comment">{t("decisionComment")}</label>
        <textarea id="decision-comment" className="clause-text" value={comment} onChange={(e) => setComment(e.target.value)} maxLength={4000} placeholder={t("commentPlaceholder")} />
      </div>
      {failure && (
        <p className="notice notice--error" role="alert">
          {failure.fieldErrors.comment ? t("commentRequired") : te(failure.code, failure.params)}{" "}
          {link && <Link href={link}>{t("openCurrent")}</Link>}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button" disabled={busy} onClick={() => submit("APPROVED")}>
          {t("approve")}
        </button>
        <button type="button" className="button button--quiet" disabled={busy} onClick={() => submit("CHANGES_REQUESTED")}>
          {t("requestChanges")}
        </button>
      </div>
    </section>
  );
}
