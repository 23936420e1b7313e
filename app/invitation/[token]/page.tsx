import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NewPasswordPage } from "@/components/auth/new-password-page";
import { TokenDead } from "@/components/auth/token-dead";
import { momentFormatter } from "@/components/ui/format-date";
import { describeToken } from "@/lib/auth/describe-token";
import { acceptInvitationAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("access"))("invitationTitle"), referrer: "no-referrer" };
}

type Props = { params: Promise<{ token: string }> };

export default async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const [invitation, t, moment] = await Promise.all([describeToken(token, "INVITATION"), getTranslations("access"), momentFormatter()]);
  if (invitation.state !== "ok") {
    return (
      <TokenDead code={invitation.state} title={t("invitationTitle")}>
        <p>{t("invitationDead")}</p>
      </TokenDead>
    );
  }
  return (
    <NewPasswordPage
      title={t("invitationTitle")}
      intro={t("invitationIntro", { name: invitation.recipientName, date: moment(invitation.expiresAt) })}
      action={acceptInvitationAction.bind(null, token)}
    />
  );
}
