import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DecisionPanel } from "@/components/review/decision-panel";
import { ReviewDocument } from "@/components/review/review-document";
import { getReview } from "@/lib/approvals/get-review";
import { requireActor } from "@/lib/auth/get-actor";
import { pageData } from "@/components/layout/page-data";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("title") };
}

export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/communiques/${id}/review`);
  const [t, ts, tb, format] = await Promise.all([
    getTranslations("review"),
    getTranslations("status"),
    getTranslations("board"),
    getFormatter(),
  ]);
  const loaded = await pageData(getReview(actor, id));
  if (!loaded.ok) return loaded.refusal;
  const review = loaded.data;
  const emphasis = actor.locale === "ja" ? "ja" : "ru";
  if (!review.revision || !review.content) {
    return (
      <>
        <h1>{t("title")}</h1>
        <p className="card">{t("noRevision")}</p>
      </>
    );
  }
  const own = review.decisions[0];
  return (
    <>
      <p className="actions">
        {/* A session from an e-mailed link has this communiqué only, not its meeting's page. */}
        {!actor.linkScope && <Link href={`/meetings/${review.communique.meetingId}`}>← {review.communique.meeting.ordinal}</Link>}
        <Link href={`/communiques/${id}/status`}>{t("statusBoard")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="meta">
        <span className="badge">{ts(review.communique.status)}</span>
        <span data-testid="revision">{t("revision", { number: review.revision.number, hash: review.revision.hash.slice(0, 12) })}</span>
        <a href={`/communiques/${id}/revisions/${review.revision.id}/pdf`}>PDF</a>
      </p>
      <p className="notice" data-testid="changes-note">
        {review.diff
          ? review.diff.blocks.some((b) => b.status !== "same")
            ? t("changesSince", { number: review.diff.since })
            : t("noChanges")
          : review.seenBefore
            ? t("noChanges")
            : t("firstTime")}{" "}
        {t("yourLanguage")}
      </p>
      {own && (
        <p className="notice notice--ok" role="status">
          {t("decided", { decision: tb(own.decision), at: format.dateTime(own.createdAt, { dateStyle: "medium", timeStyle: "short" }) })}
        </p>
      )}
      {review.waitingForEarlierStep && <p className="notice">{t("waiting")}</p>}
      {review.canDecide && (
        <DecisionPanel
          communiqueId={id}
          revisionHash={review.revision.hash}
          asDeputyFor={review.canDecide.asDeputy ? (emphasis === "ja" ? review.canDecide.head.ja : review.canDecide.head.ru) : null}
        />
      )}
      {review.commentsClosed && (
        <p className="notice" data-testid="comments-closed">
          {t("commentsClosed", { state: review.communique.status })}
        </p>
      )}
      <ReviewDocument
        communiqueId={id}
        revisionId={review.revision.id}
        content={review.content}
        emphasis={emphasis}
        diff={review.diff}
        canComment={review.canComment}
        comments={review.comments}
      />
    </>
  );
}
