"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { NamePair } from "@/components/ui/name-pair";
import type { VerifyUploadResult } from "@/lib/signatures/verify-document";

/** The check's address: a route handler, so that the PDF streams in (no server-action size limit). */
const CHECK_URL = "/verify/check";

export function VerifyForm({ maxMb }: { maxMb: number }) {
  const t = useTranslations("verify");
  const te = useTranslations("errors");
  const format = useFormatter();
  const [result, setResult] = useState<VerifyUploadResult | null>(null);
  const [pending, setPending] = useState(false);
  const report = result?.ok ? result.data : null;
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get("file");
    if (!(file instanceof File)) return;
    setPending(true);
    try {
      const response = await fetch(CHECK_URL, { method: "POST", body: file, headers: { "Content-Type": "application/pdf" } });
      setResult((await response.json()) as VerifyUploadResult);
    } catch {
      setResult({ ok: false, code: "INTERNAL", params: {} });
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <form onSubmit={submit} className="stack card">
        <div className="field">
          <label htmlFor="file">{t("file")}</label>
          <input id="file" name="file" type="file" accept="application/pdf,.pdf" required aria-describedby="file-limit" />
          <p id="file-limit" className="meta">
            {t("limit", { mb: maxMb })}
          </p>
        </div>
        <div className="actions">
          <button className="button" type="submit" disabled={pending}>
            {pending ? t("checking") : t("check")}
          </button>
        </div>
      </form>
      {result && !result.ok && (
        <p className="notice notice--error" role="alert">
          {result.code === "tooLarge" ? t("tooLarge", result.params) : te(result.code, result.params)}
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
            <dd data-testid="seal-state" data-checked={report.seal.checked}>
              {!report.seal.checked
                ? t("uncheckable")
                : !report.seal.signed
                ? t("sealMissing")
                : report.seal.valid && report.seal.coversWholeDocument
                  ? t("sealValid")
                  : report.seal.intact && report.seal.coversWholeDocument
                    ? t("sealForeign")
                    : t("sealInvalid")}
              {report.seal.checked && report.seal.signed && report.seal.certificateTrusted === false && <span className="meta"> · {t("sealUntrusted")}</span>}
            </dd>
            <dt>{t("sha")}</dt>
            <dd className="hash">{report.sha256}</dd>
          </dl>
        </section>
      )}
    </>
  );
}
