import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OwnSessions } from "@/components/account/own-sessions";
import { PasswordForm } from "@/components/account/password-form";
import { listOwnSessions } from "@/lib/account/list-own-sessions";
import { requireActor } from "@/lib/auth/get-actor";
import { changePasswordAction, endOtherSessionsAction, endOwnSessionAction } from "./actions";
import { pageData } from "@/components/layout/page-data";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage() {
  const actor = await requireActor("/account");
  const t = await getTranslations("account");
  const loaded = await pageData(listOwnSessions(actor));
  if (!loaded.ok) return loaded.refusal;
  const data = loaded.data;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="page-intro">{t("intro", { email: actor.email })}</p>
      <OwnSessions sessions={data.sessions} endOne={endOwnSessionAction} endOthers={endOtherSessionsAction} />
      <PasswordForm hasPassword={data.hasPassword} action={changePasswordAction} />
    </>
  );
}
