/**
 * d. The outbox is shared: both instances deliver from it at every job tick, claiming rows
 * with SKIP LOCKED, so every queued message reaches the SMTP server once, not once per instance.
 */
import { db } from "@/lib/db";
import { MAX_ATTEMPTS } from "@/lib/mail/deliver";
import type { Mailbox } from "./mailbox";
import { check, ms, type Check } from "./report";

export async function mailChecks(mailbox: Mailbox): Promise<{ checks: Check[]; messages: number }> {
  const started = performance.now();
  let waiting = -1;
  let atStart = -1;
  while (performance.now() - started < 60_000) {
    waiting = await db.outboxMail.count({ where: { sentAt: null, attempts: { lt: MAX_ATTEMPTS } } });
    if (atStart < 0) atStart = waiting;
    if (waiting === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const drainedMs = performance.now() - started;
  const rows = await db.outboxMail.findMany({ select: { id: true, sentAt: true } });
  const ids = new Set(rows.map((r) => r.id));
  const times = new Map<string, number>();
  for (const id of mailbox.received) times.set(id, (times.get(id) ?? 0) + 1);
  const twice = [...times.values()].filter((n) => n > 1).length;
  const missing = rows.filter((r) => !times.has(r.id)).length;
  const unknown = [...times.keys()].filter((id) => !ids.has(id)).length;
  return {
    messages: rows.length,
    checks: [
      check(
        `every queued message was sent (${rows.length} in all; the ${atStart} still waiting after the finalisations went out in ${ms(drainedMs)} ms)`,
        waiting === 0 && rows.every((r) => r.sentAt !== null),
        `${waiting} still waiting`,
      ),
      check(
        `each message reached the SMTP server exactly once`,
        twice === 0 && missing === 0 && unknown === 0 && mailbox.received.length === rows.length,
        `${mailbox.received.length} received; ${twice} more than once, ${missing} never, ${unknown} not from the outbox`,
      ),
    ],
  };
}
