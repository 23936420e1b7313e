import type { Transporter } from "nodemailer";
import { MAX_ATTEMPTS, SMTP_NOT_CONFIGURED, START, withClaims, type MailUpdate, type PendingMail } from "./claim-next";
import { htmlFromText } from "./html-part";
import { mailFrom, mailTransport } from "./transport";

export { MAX_ATTEMPTS, SMTP_NOT_CONFIGURED };

export interface DeliveryCounts {
  sent: number;
  failed: number;
  /** Written to the server log because no SMTP server is configured (they stay in the outbox). */
  logged: number;
}

type Outcome = keyof DeliveryCounts;

/** The error as the outbox shows it: one short line, no stack. */
export function shortError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split("\n").map((l) => l.trim()).find(Boolean) ?? "unknown error";
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

// The domain of the sender, for Message-IDs.
function senderDomain(from: string): string {
  return /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? "communique.invalid";
}

async function send(transport: Transporter, mail: PendingMail): Promise<{ update: MailUpdate; result: Outcome }> {
  const from = mailFrom();
  try {
    await transport.sendMail({
      from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      // Made here from the text, which is all the outbox keeps: the two parts always agree.
      html: htmlFromText(mail.text, mail.locale),
      // The same Message-ID on every try: should a message go out twice (see claim-next),
      // mail clients that notice duplicates show it once.
      messageId: `<${mail.id}@${senderDomain(from)}>`,
      // RFC 3834: tells auto-responders (out-of-office) not to answer.
      headers: { "Auto-Submitted": "auto-generated", "X-Communique-Kind": mail.kind },
    });
    return { update: { sentAt: new Date(), attempts: { increment: 1 }, error: null }, result: "sent" };
  } catch (error) {
    return { update: { attempts: { increment: 1 }, error: shortError(error) }, result: "failed" };
  }
}

// Without an SMTP server the message goes to the server log, once, and stays in the outbox,
// where the secretariat can read it: nothing is dropped.
async function logInstead(mail: PendingMail): Promise<{ update: MailUpdate; result: Outcome }> {
  console.info(`mail (${SMTP_NOT_CONFIGURED}; kept in the outbox)\nTo: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}`);
  return { update: { error: SMTP_NOT_CONFIGURED }, result: "logged" };
}

/**
 * Sends the unsent messages of the outbox, oldest first, at most `limit` of them per run.
 * Each message is claimed before it is sent, so that concurrent runs (here or in other
 * instances) never send one twice. A failed message keeps its error and is tried again by a
 * later run, up to MAX_ATTEMPTS times.
 */
export async function deliverPending(options: { limit?: number } = {}): Promise<DeliveryCounts> {
  const limit = options.limit ?? 100;
  return withClaims(async (claimNext) => {
    const transport = mailTransport();
    const counts: DeliveryCounts = { sent: 0, failed: 0, logged: 0 };
    let cursor = START;
    for (let done = 0; done < limit; done += 1) {
      const claimed = await claimNext(cursor, transport !== null, (mail) => (transport ? send(transport, mail) : logInstead(mail)));
      if (!claimed) break;
      counts[claimed.result] += 1;
      cursor = { createdAt: claimed.mail.createdAt, id: claimed.mail.id };
    }
    return counts;
  });
}

type SoonState = { running: Promise<void> | null; again: boolean };
// On globalThis: Next.js may load this module more than once in one process.
const holder = globalThis as typeof globalThis & { __communiqueDeliverSoon?: SoonState };
const soon = (holder.__communiqueDeliverSoon ??= { running: null, again: false });

/**
 * Starts delivering in the background after a commit; returns at once and never throws, so
 * it fits `db.$transaction(…).finally(deliverSoon)`. Calls during a run ask for one more run
 * after it instead of starting runs side by side.
 */
export function deliverSoon(): void {
  if (soon.running) {
    soon.again = true;
    return;
  }
  soon.running = (async () => {
    try {
      do {
        soon.again = false;
        try {
          const counts = await deliverPending();
          if (counts.failed) console.warn(`mail: ${counts.failed} message(s) could not be sent; they stay in the outbox`);
        } catch (error) {
          console.error(`mail delivery failed: ${shortError(error)}`);
        }
      } while (soon.again);
    } finally {
      soon.running = null;
    }
  })();
}

/** Resolves when background delivery started by deliverSoon has finished (tests, shutdown). */
export async function deliveriesSettled(): Promise<void> {
  while (soon.running) await soon.running;
}
