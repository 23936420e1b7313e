import { db } from "@/lib/db";
import { dbTarget } from "@/lib/db/config";
import type { MailLocale } from "./templates";

/** After this many failed attempts a message stays in the outbox for a person to look at. */
export const MAX_ATTEMPTS = 5;
/** The error of a message that was written to the server log because no SMTP server is set up. */
export const SMTP_NOT_CONFIGURED = "SMTP not configured";

export interface PendingMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  kind: string;
  /** The language of the text, for the HTML part's lang attribute. */
  locale: MailLocale;
  createdAt: Date;
}

/** How a message's row changes after a try: sent, failed (with the reason) or only logged. */
export interface MailUpdate {
  sentAt?: Date;
  attempts?: { increment: number };
  error: string | null;
}

/** Where a run has got to: messages are taken in creation order, each at most once per run. */
export interface Cursor {
  createdAt: Date;
  id: string;
}

export const START: Cursor = { createdAt: new Date(0), id: "" };

// `loggedToo` is false when there is no SMTP server: messages already written to the log are
// then left alone, so each one is logged once, not on every run.
const NEXT_PENDING = `
  SELECT "id", "to", "subject", "text", "kind", "locale", "createdAt" FROM "OutboxMail"
  WHERE "sentAt" IS NULL AND "attempts" < ${MAX_ATTEMPTS}
    AND ("createdAt", "id") > ($1::timestamp(3), $2::text)
    AND ($3::boolean OR "error" IS DISTINCT FROM '${SMTP_NOT_CONFIGURED}')
  ORDER BY "createdAt", "id"
  LIMIT 1`;

type Handle<T> = (mail: PendingMail) => Promise<{ update: MailUpdate; result: T }>;
export type Claimed<T> = { mail: PendingMail; result: T } | null;

/**
 * PostgreSQL, possibly several app instances: the row stays locked (FOR UPDATE SKIP LOCKED)
 * from the moment it is picked until it is marked, so another instance skips it instead of
 * sending it again. If the process dies after the SMTP server took the message but before
 * the commit, the message is sent again later: at least once, never silently lost.
 */
async function claimLocked<T>(after: Cursor, loggedToo: boolean, handle: Handle<T>): Promise<Claimed<T>> {
  return db.$transaction(
    async (tx) => {
      const [mail] = await tx.$queryRawUnsafe<PendingMail[]>(`${NEXT_PENDING} FOR UPDATE SKIP LOCKED`, after.createdAt, after.id, loggedToo);
      if (!mail) return null;
      const { update, result } = await handle(mail);
      await tx.outboxMail.update({ where: { id: mail.id }, data: update });
      return { mail, result };
    },
    // Longer than the transport's own time limits, so a slow server fails the send, not the transaction.
    { maxWait: 15_000, timeout: 90_000 },
  );
}

/**
 * The embedded database belongs to this one process, so runs taking turns inside the process
 * is enough. No transaction is held during the send: PGlite has a single connection, and an
 * open transaction would stall every other request for as long as the SMTP server takes.
 */
async function claimInProcess<T>(after: Cursor, loggedToo: boolean, handle: Handle<T>): Promise<Claimed<T>> {
  const [mail] = await db.$queryRawUnsafe<PendingMail[]>(NEXT_PENDING, after.createdAt, after.id, loggedToo);
  if (!mail) return null;
  const { update, result } = await handle(mail);
  await db.outboxMail.updateMany({ where: { id: mail.id, sentAt: null }, data: update });
  return { mail, result };
}

type RunHolder = { __communiqueMailRun?: Promise<unknown> };
// On globalThis: Next.js may load this module more than once in one process.
const holder = globalThis as typeof globalThis & RunHolder;

/** Runs one delivery run after the other in this process (only needed on the embedded database). */
function oneAtATime<T>(run: () => Promise<T>): Promise<T> {
  const next = (holder.__communiqueMailRun ?? Promise.resolve()).catch(() => undefined).then(run);
  holder.__communiqueMailRun = next.catch(() => undefined);
  return next;
}

/** Runs a delivery run with the claiming that suits the database. */
export function withClaims<T>(run: (claimNext: typeof claimLocked) => Promise<T>): Promise<T> {
  if (dbTarget().kind === "postgres") return run(claimLocked);
  return oneAtATime(() => run(claimInProcess));
}
