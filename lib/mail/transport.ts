import nodemailer, { type Transporter } from "nodemailer";
import SMTPTransport from "nodemailer/lib/smtp-transport";
import { config, type Env } from "@/lib/config";

// Bounded waits: a stalled SMTP server must not hold an outbox row (and, on PostgreSQL,
// its row lock and connection) for long. The row is simply tried again on the next run.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as const;

type Holder = { url: string; transporter: Transporter<SMTPTransport.SentMessageInfo> };
// On globalThis: Next.js may load this module more than once in one process.
const holder = globalThis as typeof globalThis & { __communiqueMailTransport?: Holder };

/** The SMTP server from SMTP_URL (smtp://user:pass@host:587, smtps://…), or null when mail is not set up. */
export function smtpUrl(env?: Env): string | null {
  return config(env).smtpUrl;
}

export function mailFrom(env?: Env): string {
  return config(env).mailFrom;
}

/**
 * The process's one transporter, made on first use. It follows SMTP_URL: when the variable
 * changes (tests, a reconfigured process), the old transporter is closed and a new one made.
 */
export function mailTransport(): Transporter<SMTPTransport.SentMessageInfo> | null {
  const url = smtpUrl();
  const current = holder.__communiqueMailTransport;
  if (current && current.url === url) return current.transporter;
  if (current) current.transporter.close();
  holder.__communiqueMailTransport = undefined;
  if (!url) return null;
  const transporter = nodemailer.createTransport(new SMTPTransport({ url, ...TIMEOUTS }));
  holder.__communiqueMailTransport = { url, transporter };
  return transporter;
}

/** Closes the transporter (tests, shutdown); the next send makes a new one. */
export function closeMailTransport(): void {
  holder.__communiqueMailTransport?.transporter.close();
  holder.__communiqueMailTransport = undefined;
}
