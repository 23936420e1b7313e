import type { Tx } from "@/lib/db";
import type { MailKind, MailLocale } from "./templates";

export interface MailMessage {
  to: string;
  kind: MailKind;
  locale: MailLocale;
  subject: string;
  text: string;
}

// One plain address: a comma or a line break would add recipients or headers of its own.
const SINGLE_ADDRESS = /^[^\s@,;<>"()]+@[^\s@,;<>"()]+$/;

/**
 * Writes a message to the outbox inside the caller's transaction, so that it exists exactly
 * when the change it reports is committed. Sending happens later (deliverPending).
 */
export async function queueMail(tx: Tx, message: MailMessage): Promise<{ id: string }> {
  const to = message.to.trim();
  if (!SINGLE_ADDRESS.test(to)) throw new Error(`Not a single e-mail address: "${message.to}"`);
  const subject = message.subject.replace(/\s+/g, " ").trim();
  if (!subject || !message.text.trim()) throw new Error("A mail needs a subject and a text");
  return tx.outboxMail.create({
    data: { to, kind: message.kind, locale: message.locale, subject, text: message.text },
    select: { id: true },
  });
}
