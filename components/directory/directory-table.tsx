import { getTranslations } from "next-intl/server";
import { requestAccountAction, saveEntryAction, setRetiredAction } from "@/app/directory/actions";
import { ActionForm } from "@/components/ui/action-form";
import type { DirectoryListing } from "@/lib/directory/list-directory";
import { entryFieldRows } from "./entry-fields";

type Props = { listing: DirectoryListing; editable: boolean };
type Row = DirectoryListing["rows"][number];

/** The entries of one kind: both names, what uses them, and (for the secretariat) edit and retire. */
export async function DirectoryTable({ listing, editable }: Props) {
  const [t, tc] = await Promise.all([getTranslations("directory"), getTranslations("common")]);
  const { kind } = listing;
  if (listing.rows.length === 0) return <p>{t("empty")}</p>;

  const usage = (row: Row): string => {
    if ("hostedMeetings" in row._count) return t("usedCity", { delegations: row._count.delegations, hosted: row._count.hostedMeetings });
    if ("heads" in row._count) return t("usedPerson", row._count);
    if ("invitingMeetings" in row._count) return t("usedAssociation", { meetings: row._count.invitingMeetings + row._count.guestMeetings });
    return t("usedTopic", row._count);
  };

  return (
    <div className="table-wrap">
      <table className="data stackable">
        <thead>
          <tr>
            {kind !== "topic" && <th scope="col">{t("side")}</th>}
            <th scope="col">{t("nameRu")}</th>
            <th scope="col">{t("nameJa")}</th>
            <th scope="col">{t("used")}</th>
          </tr>
        </thead>
        <tbody>
          {listing.rows.map((row) => (
            <tr key={row.id}>
              {"side" in row && <td data-label={t("side")}>{tc(`side${row.side}`)}</td>}
              <td data-label={t("nameRu")} lang="ru">
                {row.nameRu}
                {"nameLocativeRu" in row && <span className="muted"> (в г. {row.nameLocativeRu})</span>}
                {"email" in row && row.email && <span className="muted"> {row.email}</span>}
                {row.retiredAt && <span className="badge badge--warn"> {t("retired")}</span>}
              </td>
              <td data-label={t("nameJa")} lang="ja">
                {row.nameJa}
              </td>
              <td data-label={t("used")}>
                {usage(row)}
                {"user" in row && (
                  <span className="muted">
                    {" "}
                    · {t("account")}: {row.user ? t("hasAccount") : t("noAccount")}
                  </span>
                )}
                {editable && (
                  <>
                    <details className="editor">
                      <summary>{tc("edit")}</summary>
                      <ActionForm
                        idPrefix={`${kind}-${row.id}`}
                        action={saveEntryAction}
                        fields={entryFieldRows(kind, t, tc, row)}
                        hidden={{ kind, id: row.id }}
                        submitLabel={tc("save")}
                        successMessage={t("saved")}
                      />
                    </details>
                    {"user" in row && !row.user && row.email && !row.retiredAt && (
                      <ActionForm
                        idPrefix={`request-${row.id}`}
                        action={requestAccountAction}
                        fields={[]}
                        hidden={{ personId: row.id }}
                        submitLabel={t("requestAccount")}
                        successMessage={t("accountRequested")}
                        submitClassName="button button--quiet button--small"
                      />
                    )}
                    <ActionForm
                      idPrefix={`retire-${row.id}`}
                      action={setRetiredAction}
                      fields={[]}
                      hidden={{ kind, id: row.id, retired: row.retiredAt ? "false" : "true" }}
                      submitLabel={row.retiredAt ? t("restore") : t("retire")}
                      submitClassName="button button--quiet button--small"
                      successMessage={t("saved")}
                    />
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
