import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getActor } from "@/lib/auth/get-actor";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function SignInPage() {
  if (await getActor()) redirect("/");
  const t = await getTranslations("signIn");
  return (
    <section className="card sign-in">
      <h1>{t("title")}</h1>
      <p className="page-intro">{t("intro")}</p>
      <SignInForm />
    </section>
  );
}
