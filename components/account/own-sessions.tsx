import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { momentFormatter } from "@/components/ui/format-date";
import type { ActionResult } from "@/lib/actions/action-result";
import type { Device } from "@/lib/account/describe-user-agent";
import type { SessionMethod } from "@/lib/db";

type Action = (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;

export interface OwnSession {
  id: string;
  method: SessionMethod;
  ip: string;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
  device: Device;
}

/** Where the person is signed in, with a way to end any session but the one they look from. */
export async function OwnSessions({ sessions, endOne, endOthers }: { sessions: OwnSession[]; endOne: Action; endOthers: Action }) {
  const [t, moment] = await Promise.all([getTranslations("account"), momentFormatter()]);
  const device = ({ browser, os }: Device) =>
    browser && os ? t("deviceOn", { browser, os }) : (browser ?? os ?? t("unknownDevice"));
  const others = sessions.filter((s) => !s.current).length;
  return (
    <section className="card" aria-labelledby="sessions">
      <h2 id="sessions">{t("sessionsTitle")}</h2>
      <p className="muted">{t("sessionsIntro")}</p>
      <div className="table-wrap">
        <table className="data stackable">
          <thead>
            <tr>
              <th scope="col">{t("device")}</th>
              <th scope="col">{t("method")}</th>
              <th scope="col">{t("started")}</th>
              <th scope="col">{t("lastSeen")}</th>
              <th scope="col">{t("address")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("endSession")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id} aria-current={s.current || undefined}>
                <td data-label={t("device")}>
                  {device(s.device)}
                  {s.current && <span className="badge"> {t("thisSession")}</span>}
                </td>
                <td data-label={t("method")}>{t(`method${s.method}`)}</td>
                <td data-label={t("started")}>{moment(s.createdAt)}</td>
                <td data-label={t("lastSeen")}>{moment(s.lastSeenAt)}</td>
                <td data-label={t("address")}>{s.ip}</td>
                <td>
                  {!s.current && (
                    <ActionForm
                      idPrefix={`session-${s.id}`}
                      action={endOne}
                      fields={[]}
                      hidden={{ sessionId: s.id }}
                      submitLabel={t("endSession")}
                      pendingLabel={t("ending")}
                      successMessage={t("sessionEnded")}
                      submitClassName="button button--quiet button--small"
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {others > 0 ? (
        <ActionForm
          idPrefix="end-others"
          action={endOthers}
          fields={[]}
          submitLabel={t("endOthers")}
          pendingLabel={t("ending")}
          successMessage={t("othersEnded")}
          submitClassName="button button--quiet"
        />
      ) : (
        <p className="muted">{t("noOthers")}</p>
      )}
    </section>
  );
}
