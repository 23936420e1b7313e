import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccountAccess } from "@/components/admin/account-access";
import { userFieldRows } from "@/components/admin/user-fields";
import { ActionForm } from "@/components/ui/action-form";
import { requireActor } from "@/lib/auth/get-actor";
import { listUsers } from "@/lib/users/list-users";
import { createUserAction, resendInvitationAction, revokeInvitationAction, signOutEverywhereAction, updateUserAction } from "./actions";
import { pageData } from "@/components/layout/page-data";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

export default async function UsersPage() {
  const actor = await requireActor("/admin/users");
  const [t, tc] = await Promise.all([getTranslations("admin"), getTranslations("common")]);
  const loaded = await pageData(listUsers(actor));
  if (!loaded.ok) return loaded.refusal;
  const data = loaded.data;
  const { users, people } = data;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="page-intro">{t("intro")}</p>
      <section className="card" aria-labelledby="new-user">
        <h2 id="new-user">{t("create")}</h2>
        <p className="muted">{t("createIntro")}</p>
        <ActionForm
          idPrefix="new-user"
          action={createUserAction}
          fields={[{ name: "email", label: t("email"), type: "email", autoComplete: "off" }, ...userFieldRows(t, people.filter((p) => p.accountId === null), {})]}
          submitLabel={t("create")}
          pendingLabel={t("sending")}
          successMessage={t("created")}
        />
      </section>
      <section className="card" aria-labelledby="accounts">
        <h2 id="accounts">{t("title")}</h2>
        <div className="table-wrap">
          <table className="data stackable">
            <thead>
              <tr>
                <th scope="col">{t("email")}</th>
                <th scope="col">{t("displayName")}</th>
                <th scope="col">{t("role")}</th>
                <th scope="col">{t("access")}</th>
                <th scope="col">{t("person")}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <td data-label={t("email")}>{u.email}</td>
                  <td data-label={t("displayName")}>{u.displayName}</td>
                  <td data-label={t("role")}>{t(`role${u.role}`)}</td>
                  <td data-label={t("access")}>
                    <AccountAccess
                      row={u}
                      actions={{
                        resend: resendInvitationAction.bind(null, u.id),
                        revoke: revokeInvitationAction.bind(null, u.id),
                        signOut: signOutEverywhereAction.bind(null, u.id),
                      }}
                    />
                  </td>
                  <td data-label={t("person")}>
                    {u.person ? `${u.person.nameRu} / ${u.person.nameJa}` : t("noPerson")}
                    <details className="editor">
                      <summary>{tc("edit")}</summary>
                      <ActionForm
                        idPrefix={`user-${u.id}`}
                        action={updateUserAction.bind(null, u.id)}
                        fields={[...userFieldRows(t, people.filter((p) => p.accountId === null || p.accountId === u.id), u), { name: "active", label: t("active"), type: "checkbox", checked: u.active }]}
                        submitLabel={tc("save")}
                        successMessage={t("updated")}
                      />
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
