import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getActor } from "@/lib/auth/get-actor";
import { safeReturnPath } from "@/lib/auth/return-path";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const returnTo = safeReturnPath((await searchParams).callbackUrl) ?? "/";
  // A session from an e-mailed link may sign in with a password here, to see more than its document.
  const actor = await getActor();
  if (actor && !actor.linkScope) redirect(returnTo);
  const [t, access] = await Promise.all([getTranslations("signIn"), getTranslations("access")]);
  return (
    <section className="card sign-in">
      <h1>{t("title")}</h1>
      <p className="page-intro">{t("intro")}</p>
      <SignInForm returnTo={returnTo} />
      <p>
        <Link href="/forgot-password">{access("forgot")}</Link>
      </p>
    </section>
  );
}
