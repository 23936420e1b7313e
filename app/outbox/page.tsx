import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { appUrl } from "@/lib/mail/app-url";
import { SMTP_NOT_CONFIGURED } from "@/lib/mail/claim-next";
import { viewOutbox } from "@/lib/outbox/view-outbox";
import { pageData } from "@/components/layout/page-data";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("outbox"))("title") };
}

export default async function OutboxPage() {
  const actor = await requireActor("/outbox");
  const [t, format] = await Promise.all([getTranslations("outbox"), getFormatter()]);
  const loaded = await pageData(viewOutbox(actor));
  if (!loaded.ok) return loaded.refusal;
  const mails = loaded.data;
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="page-intro">{t("hint")}</p>
      <p className="page-intro">{t("linksTo", { url: appUrl("/") })}</p>
      {mails.length === 0 ? (
        <p className="card">{t("empty")}</p>
      ) : (
        <ul className="card-list">
          {mails.map((m) => (
            <li key={m.id} className="card" data-mail-to={m.to}>
              <p className="meta">
                <span>
                  {t("to")}: {m.to}
                </span>
                <span>
                  {t("created")}: {when(m.createdAt)}
                </span>
                <span className={m.sentAt ? "badge badge--ok" : "badge badge--warn"}>{m.sentAt ? `${t("sent")}: ${when(m.sentAt)}` : t("notSent")}</span>
                {m.error && (
                  <span>
                    {m.error === SMTP_NOT_CONFIGURED ? (
                      t("smtpNotConfigured")
                    ) : (
                      <>
                        {t("deliveryFailed")} <code lang="en">{m.error}</code>
                      </>
                    )}
                  </span>
                )}
              </p>
              <h2 lang={m.locale}>{m.subject}</h2>
              <pre className="mail-text" lang={m.locale}>
                {m.text}
              </pre>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
