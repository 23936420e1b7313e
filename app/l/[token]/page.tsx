import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TokenDead } from "@/components/auth/token-dead";
import { ActionForm } from "@/components/ui/action-form";
import { momentFormatter } from "@/components/ui/format-date";
import { describeToken } from "@/lib/auth/describe-token";
import { getActor } from "@/lib/auth/get-actor";
import { freshLinkAction, openLinkAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("access"))("linkTitle"), referrer: "no-referrer" };
}

type Props = { params: Promise<{ token: string }> };

/** The page of a personal link from a workflow e-mail. Opening it uses nothing up; the button does. */
export default async function PersonalLinkPage({ params }: Props) {
  const { token } = await params;
  const [link, actor, t, moment] = await Promise.all([describeToken(token, "SIGN_IN_LINK"), getActor(), getTranslations("access"), momentFormatter()]);
  if (link.state === "TOKEN_INVALID") return <TokenDead code="TOKEN_INVALID" title={t("linkTitle")} />;
  // Its owner, already signed in for this communiqué or everything, just goes on.
  if (link.path && actor?.userId === link.userId && (!actor.linkScope || actor.linkScope === link.communiqueId)) redirect(link.path);
  if (link.state !== "ok") {
    return (
      <TokenDead code={link.state} title={t("linkTitle")}>
        {link.state !== "TOKEN_REVOKED" && (
          <ActionForm
            action={freshLinkAction.bind(null, token)}
            fields={[]}
            submitLabel={t("freshLink")}
            pendingLabel={t("sending")}
            successMessage={t("freshSent", { email: link.maskedEmail })}
            idPrefix="fresh-link"
          />
        )}
      </TokenDead>
    );
  }
  const opens = link.path?.endsWith("/sign") ? "linkOpensSign" : link.path?.endsWith("/review") ? "linkOpensReview" : "linkOpensView";
  return (
    <section className="card sign-in">
      <h1>{t("linkTitle")}</h1>
      <p>{t("linkFor", { name: link.recipientName })}</p>
      <p>{t(opens, { ordinal: link.meetingOrdinal ?? "" })}</p>
      <p className="page-intro">{t("linkOnce", { date: moment(link.expiresAt) })}</p>
      {actor && actor.userId !== link.userId && (
        <p className="notice" role="status">
          {t("otherUser", { name: actor.displayName })}
        </p>
      )}
      <ActionForm action={openLinkAction.bind(null, token)} fields={[]} submitLabel={t("linkOpen")} pendingLabel={t("opening")} successMessage="" idPrefix="open-link" />
    </section>
  );
}
