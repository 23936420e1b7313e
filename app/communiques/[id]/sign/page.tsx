import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DeclineForm } from "@/components/signing/decline-form";
import { SigningForm } from "@/components/signing/signing-form";
import { requireActor } from "@/lib/auth/get-actor";
import { getSigning } from "@/lib/signatures/get-signing";
import { declineAction, requestSigningCodeAction, signAction } from "./actions";
import { NamePair } from "@/components/ui/name-pair";
import { pageData } from "@/components/layout/page-data";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signing"))("title") };
}

export default async function SignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/communiques/${id}/sign`);
  const [t, ts, format, locale] = await Promise.all([getTranslations("signing"), getTranslations("status"), getFormatter(), getLocale()]);
  const loaded = await pageData(getSigning(actor, id));
  if (!loaded.ok) return loaded.refusal;
  const view = loaded.data;
  const name = (b: { ru: string; ja: string }) => (locale === "ja" ? b.ja : b.ru);
  const open = view.communique.status === "SIGNING";
  return (
    <>
      {/* A session from an e-mailed link has this communiqué only, not its meeting's page. */}
      {!actor.linkScope && (
        <p>
          <Link href={`/meetings/${view.communique.meetingId}`}>← {view.communique.meeting.ordinal}</Link>
        </p>
      )}
      <h1>{t("title")}</h1>
      <p className="meta">
        <span className="badge">{ts(view.communique.status)}</span>
      </p>
      {!view.revision ? (
        <p className="card">{t("notYet")}</p>
      ) : (
        <section className="card" aria-labelledby="approved">
          <h2 id="approved">{t("approvedRevision", { number: view.revision.number })}</h2>
          <p className="hash" data-testid="approved-hash">
            SHA-256: {view.revision.hash}
          </p>
          <p className="actions">
            <a className="button button--quiet" href={`/communiques/${id}/revisions/${view.revision.id}/pdf`}>
              {t("preview")}
            </a>
            {view.final && (
              <a className="button" href={`/communiques/${id}/signed-pdf`}>
                {t("downloadSigned")}
              </a>
            )}
          </p>
          {view.final && <p className="hash">{t("finalHash", { hash: view.final.sha256 })}</p>}
        </section>
      )}
      {view.mine.some((m) => m.signed) && (
        <p className="notice notice--ok" role="status">
          {t("signed")}
        </p>
      )}
      {open &&
        view.revision &&
        view.mine
          .filter((m) => !m.signed)
          .map((m) => (
            <section key={m.id} className="card" aria-labelledby={`sign-${m.id}`}>
              <h2 id={`sign-${m.id}`}>{t("signAs", { name: name(m.name) })}</h2>
              <SigningForm
                action={signAction.bind(null, id)}
                requestCode={requestSigningCodeAction.bind(null, id)}
                hasPassword={actor.hasPassword !== false}
                signatoryId={m.id}
                revisionHash={view.revision!.hash}
                defaultName={name(m.name)}
              />
              <DeclineForm action={declineAction.bind(null, id)} signatoryId={m.id} />
            </section>
          ))}
      <section className="card" aria-labelledby="signatories">
        <h2 id="signatories">{t("signatories")}</h2>
        <ol className="signatory-list">
          {view.signatories.map((s) => (
            <li key={s.id} data-signed={Boolean(s.signedAt)}>
              <NamePair ru={s.name.ru} ja={s.name.ja} /> —{" "}
              {s.signedAt ? (
                <span className="badge badge--ok">{t("signedAt", { at: format.dateTime(s.signedAt, { dateStyle: "medium", timeStyle: "short" }) })}</span>
              ) : (
                <span className="badge">{t("pending")}</span>
              )}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
