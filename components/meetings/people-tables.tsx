import { getTranslations } from "next-intl/server";
import { moveSignatoryAction } from "@/app/meetings/[id]/actions";
import type { MeetingDetails } from "@/lib/meetings/get-meeting";
import { TitleEditor } from "./title-editor";

type Props = { meeting: MeetingDetails; editable: boolean };

export async function DelegationsTable({ meeting }: Props) {
  const [t, tc] = await Promise.all([getTranslations("meeting"), getTranslations("common")]);
  return (
    <div className="table-wrap">
      <table className="data stackable">
        <thead>
          <tr>
            <th scope="col">{t("side")}</th>
            <th scope="col">{t("city")}</th>
            <th scope="col">{t("head")}</th>
            <th scope="col">{t("deputy")}</th>
          </tr>
        </thead>
        <tbody>
          {meeting.delegations.map((d) => (
            <tr key={d.id}>
              <td data-label={t("side")}>{tc(d.side === "RU" ? "sideRU" : "sideJP")}</td>
              <td data-label={t("city")}>
                <span lang="ru">{d.city.nameRu}</span> / <span lang="ja">{d.city.nameJa}</span>
              </td>
              <td data-label={t("head")}>
                <span lang="ru">{d.head.nameRu}</span> / <span lang="ja">{d.head.nameJa}</span>
              </td>
              <td data-label={t("deputy")}>
                {d.deputy ? (
                  <>
                    <span lang="ru">{d.deputy.nameRu}</span> / <span lang="ja">{d.deputy.nameJa}</span>
                  </>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export async function ParticipantsTable({ meeting, editable }: Props) {
  const [t, tc] = await Promise.all([getTranslations("meeting"), getTranslations("common")]);
  return (
    <div className="table-wrap">
      <table className="data stackable">
        <thead>
          <tr>
            <th scope="col">{t("titleRu")}</th>
            <th scope="col">{t("titleJa")}</th>
            <th scope="col">{t("person")}</th>
          </tr>
        </thead>
        {(["RU", "JP"] as const).map((side) => (
          <tbody key={side}>
            <tr>
              <th scope="rowgroup" colSpan={3} className="side-heading">
                {tc(side === "RU" ? "sideRU" : "sideJP")}
              </th>
            </tr>
            {meeting.participants
              .filter((p) => p.person.side === side)
              .map((p) => (
                <tr key={p.id}>
                  <td data-label={t("titleRu")} lang="ru">
                    {p.titleRu}
                  </td>
                  <td data-label={t("titleJa")} lang="ja">
                    {p.titleJa}
                    {editable && (
                      <TitleEditor meetingId={meeting.id} kind="participant" id={p.id} titleRu={p.titleRu} titleJa={p.titleJa} />
                    )}
                  </td>
                  <td data-label={t("person")}>
                    <span lang="ru">{p.person.nameRu}</span>
                    <br />
                    <span lang="ja">{p.person.nameJa}</span>
                  </td>
                </tr>
              ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

export async function SignatoriesTable({ meeting, editable }: Props) {
  const [t, tc] = await Promise.all([getTranslations("meeting"), getTranslations("common")]);
  const last = meeting.signatories.length - 1;
  return (
    <div className="table-wrap">
      <table className="data stackable">
        <thead>
          <tr>
            <th scope="col">{t("order")}</th>
            <th scope="col">{t("side")}</th>
            <th scope="col">{t("titleRu")}</th>
            <th scope="col">{t("titleJa")}</th>
            <th scope="col">{t("person")}</th>
          </tr>
        </thead>
        <tbody>
          {meeting.signatories.map((s, index) => (
            <tr key={s.id}>
              <td data-label={t("order")}>
                {index + 1}
                {editable && (
                  <form action={moveSignatoryAction.bind(null, meeting.id)} className="actions">
                    <input type="hidden" name="id" value={s.id} />
                    <button className="button button--quiet button--small" name="direction" value="up" disabled={index === 0} aria-label={`${tc("moveUp")}: ${s.person.nameRu}`}>
                      ↑
                    </button>
                    <button className="button button--quiet button--small" name="direction" value="down" disabled={index === last} aria-label={`${tc("moveDown")}: ${s.person.nameRu}`}>
                      ↓
                    </button>
                  </form>
                )}
              </td>
              <td data-label={t("side")}>{tc(s.side === "RU" ? "sideRU" : "sideJP")}</td>
              <td data-label={t("titleRu")} lang="ru">
                {s.titleRu}
              </td>
              <td data-label={t("titleJa")} lang="ja">
                {s.titleJa}
                {editable && <TitleEditor meetingId={meeting.id} kind="signatory" id={s.id} titleRu={s.titleRu} titleJa={s.titleJa} />}
              </td>
              <td data-label={t("person")}>
                <span lang="ru">{s.person.nameRu}</span>
                <br />
                <span lang="ja">{s.person.nameJa}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
