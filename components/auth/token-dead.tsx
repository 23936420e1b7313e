import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

/** A mailed link that can no longer be used: why, in the user's language, and what to do instead. */
export async function TokenDead({ code, title, children }: { code: "TOKEN_INVALID" | "TOKEN_USED" | "TOKEN_EXPIRED" | "TOKEN_REVOKED"; title: string; children?: ReactNode }) {
  const te = await getTranslations("errors");
  const t = await getTranslations("access");
  return (
    <section className="card sign-in">
      <h1>{title}</h1>
      <p className="notice notice--error" role="alert">
        {te(code)}
      </p>
      {children}
      <p>
        <Link href="/sign-in">{t("orSignIn")}</Link>
      </p>
    </section>
  );
}
