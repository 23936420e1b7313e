import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NewPasswordPage } from "@/components/auth/new-password-page";
import { TokenDead } from "@/components/auth/token-dead";
import { describeToken } from "@/lib/auth/describe-token";
import { resetPasswordAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("access"))("resetTitle"), referrer: "no-referrer" };
}

type Props = { params: Promise<{ token: string }> };

export default async function ResetPasswordPage({ params }: Props) {
  const { token } = await params;
  const [reset, t] = await Promise.all([describeToken(token, "PASSWORD_RESET"), getTranslations("access")]);
  if (reset.state !== "ok") {
    return (
      <TokenDead code={reset.state} title={t("resetTitle")}>
        <p>
          <Link href="/forgot-password">{t("resetAgain")}</Link>
        </p>
      </TokenDead>
    );
  }
  return <NewPasswordPage title={t("resetTitle")} intro={t("resetIntro", { name: reset.recipientName })} action={resetPasswordAction.bind(null, token)} />;
}
