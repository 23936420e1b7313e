import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { VerifyForm } from "@/components/signing/verify-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("verify"))("title") };
}

/** Public: anyone holding a PDF can check it, without an account. */
export default async function VerifyPage() {
  const t = await getTranslations("verify");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="page-intro">{t("intro")}</p>
      <VerifyForm />
    </>
  );
}
