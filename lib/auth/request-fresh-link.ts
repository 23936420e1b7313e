import { recordEvent } from "@/lib/audit/record-event";
import { meetingTitleFor } from "@/lib/approvals/notify";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { appUrl } from "@/lib/mail/app-url";
import { deliverSoon } from "@/lib/mail/deliver";
import { queueMail } from "@/lib/mail/queue-mail";
import { renderMail } from "@/lib/mail/templates";
import { takeShared } from "@/lib/rate-limit/shared-window";
import type { RevisionPayload } from "@/lib/revisions/revision-payload";
import { findLinkToken, issueLinkToken } from "./access-tokens";

export const FRESH_LINKS_PER_HOUR = 3;

/** "j•••@blagoveshchensk.example": enough for the owner to recognise, little for anyone else. */
export function maskEmail(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 1)}•••@${domain}`;
}

const pageKindOf = (path: string) => (/\/review(?:$|[?#])/.test(path) ? "review" : /\/sign(?:$|[?#])/.test(path) ? "sign" : "view");

/**
 * A used or expired personal link asks for a fresh one: it goes by e-mail to the link's owner,
 * never to whoever holds the old link, so a forwarded e-mail gives nobody a way in.
 */
export async function requestFreshLink(token: unknown): Promise<{ sentTo: string }> {
  const old = await findLinkToken(token, "SIGN_IN_LINK");
  const { user } = old;
  if (!user.active || !old.communiqueId || !old.path) throw new AppError("TOKEN_INVALID");
  const wait = await takeShared(`fresh-link:${user.id}`, FRESH_LINKS_PER_HOUR, 60 * 60 * 1000);
  if (wait > 0) throw new AppError("RATE_LIMITED", { minutes: wait });
  const revision = await db.revision.findFirst({ where: { communiqueId: old.communiqueId }, orderBy: { number: "desc" }, select: { content: true } });
  if (!revision) throw new AppError("NOT_FOUND");
  const content = (revision.content as unknown as RevisionPayload).content;
  await db
    .$transaction(async (tx) => {
      const fresh = await issueLinkToken(tx, { kind: "SIGN_IN_LINK", userId: user.id, communiqueId: old.communiqueId, path: old.path });
      const mail = renderMail("sign-in-link", user.locale, {
        recipientName: user.displayName,
        meetingTitle: meetingTitleFor(content, user.locale),
        link: appUrl(`/l/${fresh.token}`),
        expiresAt: fresh.expiresAt,
        pageKind: pageKindOf(old.path!),
      });
      await queueMail(tx, { to: user.email, kind: "sign-in-link", locale: user.locale, ...mail });
      await recordEvent(tx, { actorUserId: null, action: "session.link_renewed", subjectType: "Communique", subjectId: old.communiqueId!, data: { user: user.id, replaces: old.id } });
    })
    .finally(deliverSoon);
  return { sentTo: maskEmail(user.email) };
}
