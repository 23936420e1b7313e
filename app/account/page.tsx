import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OwnSessions } from "@/components/account/own-sessions";
import { PasswordForm } from "@/components/account/password-form";
import { listOwnSessions } from "@/lib/account/list-own-sessions";
import { requireActor } from "@/lib/auth/get-actor";
import { isAppError } from "@/lib/errors/app-error";
import { changePasswordAction, endOtherSessionsAction, endOwnSessionAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage() {
  const actor = await requireActor("/account");
  const [t, te] = await Promise.all([getTranslations("account"), getTranslations("errors")]);
  let data;
  try {
    data = await listOwnSessions(actor);
  } catch (error) {
    // A session opened by a mailed link may see its document and nothing of the account.
    if (isAppError(error) && error.code === "FORBIDDEN") {
      return (
        <p className="card" role="alert">
          {te("FORBIDDEN")}
        </p>
      );
    }
    throw error;
  }
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="page-intro">{t("intro", { email: actor.email })}</p>
      <OwnSessions sessions={data.sessions} endOne={endOwnSessionAction} endOthers={endOtherSessionsAction} />
      <PasswordForm hasPassword={data.hasPassword} action={changePasswordAction} />
    </>
  );
}
