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

/**
 * Queues one message per recipient, each in the recipient's language, inside the caller's
 * transaction: the mails exist exactly when the change that caused them is committed.
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
    const full = { recipientName: r.name, meetingTitle: meetingTitleFor(content, r.locale), link: appUrl(path), ...input(r) } as MailInput<K>;
    const { subject, text } = renderMail(kind, r.locale, full);
    await queueMail(tx, { to: r.email, kind, locale: r.locale, subject, text });
  }
}
