import type { Actor } from "@/lib/auth/actor";
import { issueLinkToken } from "@/lib/auth/access-tokens";
import type { Locale, Tx } from "@/lib/db";
import { appUrl } from "@/lib/mail/app-url";
import { queueMail } from "@/lib/mail/queue-mail";
import { renderMail } from "@/lib/mail/templates";

type Invitee = { id: string; email: string; displayName: string; locale: Locale };

/**
 * Issues an invitation link (valid 7 days) and queues the mail that carries it, in the invitee's
 * language, inside the caller's transaction. The link is the only copy of the secret: it goes
 * into the mail and nowhere else (the row keeps a hash).
 */
export async function sendInvitation(tx: Tx, invitee: Invitee, by: Actor): Promise<{ id: string; expiresAt: Date }> {
  const { id, token, expiresAt } = await issueLinkToken(tx, { kind: "INVITATION", userId: invitee.id, createdById: by.userId });
  const mail = renderMail("invitation", invitee.locale, {
    recipientName: invitee.displayName,
    meetingTitle: "",
    link: appUrl(`/invitation/${token}`),
    byWhom: by.displayName,
    expiresAt,
  });
  await queueMail(tx, { to: invitee.email, kind: "invitation", locale: invitee.locale, ...mail });
  return { id, expiresAt };
}
