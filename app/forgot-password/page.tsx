import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { forgotPasswordAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("access"))("forgotTitle") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("access");
  return (
    <section className="card sign-in">
      <h1>{t("forgotTitle")}</h1>
      <p className="page-intro">{t("forgotIntro")}</p>
      <ActionForm
        action={forgotPasswordAction}
        fields={[{ name: "email", label: t("email"), type: "email", autoComplete: "username", required: true }]}
        submitLabel={t("forgotSubmit")}
        pendingLabel={t("sending")}
        successMessage={t("forgotSent")}
        idPrefix="forgot"
      />
      <p>
        <Link href="/sign-in">{t("backToSignIn")}</Link>
      </p>
    </section>
  );
}
