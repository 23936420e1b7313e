"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useActionState } from "react";
import { verifyAction } from "@/app/verify/actions";
import { NamePair } from "@/components/ui/name-pair";

export function VerifyForm() {
  const t = useTranslations("verify");
  const te = useTranslations("errors");
  const format = useFormatter();
  const [result, action, pending] = useActionState(verifyAction, null);
  const report = result?.ok ? result.data : null;
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });
  return (
    <>
      <form action={action} className="stack card">
        <div className="field">
          <label htmlFor="file">{t("file")}</label>
          <input id="file" name="file" type="file" accept="application/pdf,.pdf" required />
        </div>
        <div className="actions">
          <button className="button" type="submit" disabled={pending}>
            {t("check")}
          </button>
        </div>
      </form>
      {result && !result.ok && (
        <p className="notice notice--error" role="alert">
          {te(result.code, result.params)}
        </p>
      )}
      {report && (
        <section className="card" aria-live="polite" data-testid="verify-result" data-genuine={report.genuine}>
          <p className={report.genuine ? "notice notice--ok" : "notice notice--error"}>{report.genuine ? t("genuine") : t("unknown")}</p>
          <dl className="facts">
            {report.meeting && (
              <>
                <dt>{t("meeting")}</dt>
                <dd>
                  <span lang="ru">{report.meeting.line.ru}</span>
                  <br />
                  <span lang="ja">{report.meeting.line.ja}</span>
                </dd>
              </>
            )}
            {report.signedOn && (
              <>
                <dt>{t("signedOn")}</dt>
                <dd>{when(report.signedOn)}</dd>
              </>
            )}
            {report.signers.length > 0 && (
              <>
                <dt>{t("signers")}</dt>
                <dd>
                  <ul>
                    {report.signers.map((s, i) => (
                      <li key={i}>
                        <NamePair ru={s.name.ru} ja={s.name.ja} /> — {when(s.at)}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            <dt>{t("seal")}</dt>
            <dd data-testid="seal-state">
              {!report.seal.signed
                ? t("sealMissing")
                : report.seal.valid && report.seal.coversWholeDocument
                  ? t("sealValid")
                  : report.seal.intact && report.seal.coversWholeDocument
                    ? t("sealForeign")
                    : t("sealInvalid")}
              {report.seal.signed && report.seal.certificateTrusted === false && <span className="meta"> · {t("sealUntrusted")}</span>}
            </dd>
            <dt>{t("sha")}</dt>
            <dd className="hash">{report.sha256}</dd>
          </dl>
        </section>
      )}
    </>
  );
}
