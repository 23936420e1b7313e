import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { VerifyForm } from "@/components/signing/verify-form";
import { MAX_VERIFY_BYTES } from "@/lib/signatures/verify-document";

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
      <VerifyForm maxMb={MAX_VERIFY_BYTES / (1024 * 1024)} />
    </>
  );
}
