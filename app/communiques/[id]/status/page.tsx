import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AskToSignAgain } from "@/components/board/ask-to-sign-again";
import { RemindButton } from "@/components/board/remind-button";
import { CommentThread } from "@/components/comments/comment-thread";
import { getRoundStatus } from "@/lib/approvals/get-round-status";
import { timelineLabel } from "@/lib/approvals/timeline";
import { requireActor } from "@/lib/auth/get-actor";
import { can } from "@/lib/authz";
import type { CommentAnchor } from "@/lib/comments/comment-anchor";
import { blockName } from "@/lib/communique/part-labels";
import { meetingSubject } from "@/lib/meetings/meeting-people";
import { allows } from "@/lib/workflow/communique-workflow";
import { withdrawSignatureAction } from "./actions";
import { pageData } from "@/components/layout/page-data";


export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("board"))("title") };
}

export default async function StatusPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/communiques/${id}/status`);
  const [t, tcm, ted, format, locale] = await Promise.all([
    getTranslations("board"),
    getTranslations("comments"),
    getTranslations("editor"),
    getFormatter(),
    getLocale(),
  ]);
  const loaded = await pageData(getRoundStatus(actor, id));
  if (!loaded.ok) return loaded.refusal;
  const status = loaded.data;
  const name = (b: { ru: string; ja: string }) => (locale === "ja" ? b.ja : b.ru);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const where = (a: CommentAnchor) => (a.kind === "unknown" ? tcm("unknownBlock") : blockName(ted, a));
  const editor = can(actor, "communique.edit");
  const subject = meetingSubject(status.communique.meeting, id);
  const openComments = status.comments.filter((c) => !c.resolved);
  const canWithdraw = can(actor, "signing.withdraw", subject);
  const failedSignatory = status.signing?.signatories.find((s) => s.id === status.signing!.failure?.signatoryId);
  const resolvedComments = status.comments.filter((c) => c.resolved);
  const thread = (c: (typeof status.comments)[number]) => (
    <li key={c.id}>
      <CommentThread
        communiqueId={id}
        thread={c}
        where={where(c.anchor)}
        canReply={can(actor, "comment.add", subject) && allows(status.communique.status, "COMMENT")}
        canResolve={can(actor, "comment.resolve", subject)}
      />
      <Link className="meta" href={editor ? `/communiques/${id}#comment-${c.id}` : `/communiques/${id}/review`}>
        {editor ? tcm("openInEditor") : tcm("openInReview")}
      </Link>
    </li>
  );
  return (
    <>
      <p className="actions">
        <Link href={can(actor, "communique.edit") ? `/communiques/${id}` : `/communiques/${id}/review`}>← {status.communique.meeting.ordinal}</Link>
        {can(actor, "outbox.view") && <Link href="/outbox">{t("outbox")}</Link>}
      </p>
      <h1>{t("title")}</h1>
      {!status.round ? (
        <p className="card">{t("noRound")}</p>
      ) : (
        <section className="card" aria-labelledby="round">
          <h2 id="round">{t("round", { number: status.round.revision.number, hash: status.round.revision.hash.slice(0, 12) })}</h2>
          {status.steps.map((step) => (
            <div key={step.position} className="table-wrap">
              {status.steps.length > 1 && <h3>{t("step", { n: step.position + 1 })}</h3>}
              <table className="data stackable" data-step={step.position + 1}>
                <thead>
                  <tr>
                    <th scope="col">{t("city")}</th>
                    <th scope="col">{t("head")}</th>
                    <th scope="col">{t("state")}</th>
                    <th scope="col">{t("when")}</th>
                    <th scope="col">{t("comment")}</th>
                  </tr>
                </thead>
                <tbody>
                  {step.heads.map((h) => (
                    <tr key={h.delegationId} data-state={h.state}>
                      <td data-label={t("city")}>{name(h.city)}</td>
                      <td data-label={t("head")}>
                        {name(h.head)}
                        {h.by && h.by !== h.head.ru && h.by !== h.head.ja && <span className="meta"> · {h.by} ({t("onBehalf", { name: name(h.head) })})</span>}
                      </td>
                      <td data-label={t("state")}>
                        <span className={h.state === "APPROVED" ? "badge badge--ok" : h.state === "PENDING" ? "badge" : "badge badge--warn"}>{t(h.state)}</span>
                      </td>
                      <td data-label={t("when")}>{h.at ? when(h.at) : "—"}</td>
                      <td data-label={t("comment")}>{h.comment ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
          {status.round.open && can(actor, "approval.remind") && <RemindButton communiqueId={id} />}
        </section>
      )}
      {status.signing && (
        <section className="card" id="signing" aria-labelledby="signing-title">
          <h2 id="signing-title">{t("signing.title", { round: status.signing.round })}</h2>
          {status.signing.failure && (
            <div className="notice notice--error" role="alert" data-testid="finalisation-failure" data-code={status.signing.failure.code}>
              <strong>{t("signing.failureTitle")}</strong>
              <p>{t(`signing.failure.${status.signing.failure.code === "BAD_IMAGE" ? "BAD_IMAGE" : "FINALISATION_FAILED"}`)}</p>
              {failedSignatory && <p>{t("signing.failureSignatory", { name: name(failedSignatory.name) })}</p>}
              <p className="meta">
                {t("signing.failureAttempts", { since: when(status.signing.failure.firstAt), attempts: status.signing.failure.attempts, last: when(status.signing.failure.lastAt) })}
              </p>
              <details>
                <summary>{t("signing.failureDetail")}</summary>
                <code>{status.signing.failure.message}</code>
              </details>
            </div>
          )}
          <div className="table-wrap">
            <table className="data stackable">
              <thead>
                <tr>
                  <th scope="col">{t("signing.signatory")}</th>
                  <th scope="col">{t("signing.signedAt")}</th>
                  {canWithdraw && <th scope="col">{t("signing.askAgain")}</th>}
                </tr>
              </thead>
              <tbody>
                {status.signing.signatories.map((s) => (
                  <tr key={s.id} data-signed={s.signedAt ? "yes" : "no"}>
                    <td data-label={t("signing.signatory")}>{name(s.name)}</td>
                    <td data-label={t("signing.signedAt")}>{s.signedAt ? when(s.signedAt) : <span className="badge">{t("signing.notSigned")}</span>}</td>
                    {canWithdraw && (
                      <td data-label={t("signing.askAgain")}>
                        {s.signedAt ? (
                          <AskToSignAgain action={withdrawSignatureAction.bind(null, id)} signatoryId={s.id} open={s.id === status.signing!.failure?.signatoryId} />
                        ) : (
                          "—"
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      <section className="card" id="comments" aria-labelledby="comments-title">
        <h2 id="comments-title">{tcm("title")}</h2>
        {status.comments.length === 0 ? (
          <p className="meta">{tcm("none")}</p>
        ) : (
          <>
            <p className={openComments.length ? "badge badge--warn" : "badge badge--ok"} data-testid="open-comments">
              {tcm("openCount", { count: openComments.length })}
            </p>
            <ul className="thread-list">{openComments.map(thread)}</ul>
            {resolvedComments.length > 0 && (
              <details className="block-comments__resolved">
                <summary>{tcm("resolvedCount", { count: resolvedComments.length })}</summary>
                <ul className="thread-list">{resolvedComments.map(thread)}</ul>
              </details>
            )}
          </>
        )}
      </section>
      <section className="card" aria-labelledby="timeline">
        <h2 id="timeline">{t("timeline")}</h2>
        <ol className="timeline">
          {status.timeline.map((e) => (
            <li key={e.seq} data-action={e.action}>
              <time dateTime={e.at.toISOString()}>{when(e.at)}</time> — {t(timelineLabel(e.action))}
              {e.actor && <span className="meta"> · {e.actor}</span>}
              {e.text && <q className="timeline__quote">{e.text.length > 160 ? `${e.text.slice(0, 159)}…` : e.text}</q>}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
