import { issueLinkToken } from "@/lib/auth/access-tokens";
import type { CommuniqueContent } from "@/lib/communique/content";
import type { Tx } from "@/lib/db";
import { queueMail } from "@/lib/mail/queue-mail";
import { appUrl } from "@/lib/mail/app-url";
import { renderMail, type MailInput, type MailKind } from "@/lib/mail/templates";
import type { Recipient } from "./recipients";

/** The meeting's line in the recipient's language (English readers get the Russian text). */
export function meetingTitleFor(content: CommuniqueContent, locale: Recipient["locale"]): string {
  const line = content.blocks.find((b) => b.kind === "meetingLine");
  const text = line && line.kind !== "participants" ? line.text : content.shortTitle;
  return locale === "ja" ? text.ja : text.ru;
}

// Every workflow page is a page of one communiqué.
const COMMUNIQUE_PATH = /^\/communiques\/([^/?#]+)/;

/**
 * The link a recipient gets. Heads and signatories get a personal sign-in link (single use,
 * bound to them and to this communiqué, expiring), so that they open the page from the e-mail
 * without a password; staff get the page's address and sign in as usual.
 */
async function linkFor(tx: Tx, recipient: Recipient, path: string): Promise<{ link: string; personalLinkExpires?: Date }> {
  const communiqueId = COMMUNIQUE_PATH.exec(path)?.[1];
  if (recipient.role !== "DELEGATE" || !communiqueId) return { link: appUrl(path) };
  const { token, expiresAt } = await issueLinkToken(tx, { kind: "SIGN_IN_LINK", userId: recipient.userId, communiqueId, path });
  return { link: appUrl(`/l/${token}`), personalLinkExpires: expiresAt };
}

/**
 * Queues one message per recipient, each in the recipient's language, inside the caller's
 * transaction: the mails (and their sign-in links) exist exactly when the change that caused
 * them is committed.
 */
export async function notify<K extends MailKind>(
  tx: Tx,
  recipients: Recipient[],
  kind: K,
  content: CommuniqueContent,
  path: string,
  input: (recipient: Recipient) => Omit<MailInput<K>, "recipientName" | "meetingTitle" | "link">,
) {
  const seen = new Set<string>();
  for (const r of recipients) {
    if (seen.has(r.email)) continue;
    seen.add(r.email);
    const full = { recipientName: r.name, meetingTitle: meetingTitleFor(content, r.locale), ...(await linkFor(tx, r, path)), ...input(r) } as MailInput<K>;
    const { subject, text } = renderMail(kind, r.locale, full);
    await queueMail(tx, { to: r.email, kind, locale: r.locale, subject, text });
  }
}
