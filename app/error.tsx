"use client";

import { useTranslations } from "next-intl";

/**
 * What a user sees when a page fails on the server: a short message in their language and a
 * reference the administrator can find in the server log — never a stack trace or an
 * internal message (Next.js sends only the digest to the browser in production).
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common");
  return (
    <section className="card" role="alert">
      <h1>{t("errorTitle")}</h1>
      <p>{t("errorText")}</p>
      {error.digest ? <p className="page-intro">{t("errorReference", { digest: error.digest })}</p> : null}
      <button type="button" onClick={reset}>
        {t("tryAgain")}
      </button>
    </section>
  );
}
