import { config } from "@/lib/config";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { loadCommunique, lockCommunique } from "@/lib/communiques/load-communique";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { SERIAL_TX } from "@/lib/db/serial-tx";
import { deliverSoon } from "@/lib/mail/deliver";
import { revisionContent } from "@/lib/revisions/revision-content";
import { currentRound } from "./current-round";
import { notify } from "./notify";
import { headsOf } from "./recipients";

/** At most one reminder per round in this many hours, whoever (or whatever) sends it. */
export const REMINDER_INTERVAL_HOURS = config().reminderIntervalHours;

async function remind(tx: Tx, communiqueId: string, actorUserId: string | null, now: Date) {
  if ((await lockCommunique(tx, communiqueId)) !== "IN_APPROVAL") throw new AppError("NOT_ALLOWED_NOW");
  const round = await currentRound(tx, communiqueId);
  if (!round?.activeStep) throw new AppError("NOT_ALLOWED_NOW");
  const last = round.remindedAt ?? round.openedAt;
  const waitMs = last.getTime() + REMINDER_INTERVAL_HOURS * 3600_000 - now.getTime();
  if (round.remindedAt && waitMs > 0) throw new AppError("RATE_LIMITED", { minutes: Math.ceil(waitMs / 60_000) });
  const decided = new Set(round.decisions.map((d) => d.delegationId));
  const pending = round.activeStep.members.map((m) => m.delegationId).filter((id) => !decided.has(id));
  await tx.approvalRound.update({ where: { id: round.id }, data: { remindedAt: now } });
  const content = await revisionContent(tx, round.revision.id);
  await notify(tx, await headsOf(tx, pending), "approval-reminder", content, `/communiques/${communiqueId}/review`, () => ({ since: round.openedAt.toISOString().slice(0, 10) }));
  await recordEvent(tx, { actorUserId, action: "round.reminded", subjectType: "Communique", subjectId: communiqueId, data: { round: round.id, delegations: pending } });
  return { reminded: pending.length };
}

/** The secretariat reminds the heads who have not decided yet (rate-limited). */
export async function remindPending(actor: Actor | null, communiqueId: string, now = new Date()) {
  await loadCommunique(actor, communiqueId, "approval.remind");
  return db.$transaction((tx) => remind(tx, communiqueId, actor!.userId, now), SERIAL_TX).finally(deliverSoon);
}

/** Automatic reminders: rounds open longer than AUTO_REMIND_AFTER_DAYS with heads still pending. */
export async function autoRemind(now = new Date()) {
  const days = config().autoRemindAfterDays;
  if (!days) return 0;
  const due = new Date(now.getTime() - days * 86_400_000);
  const rounds = await db.approvalRound.findMany({
    where: { closedAt: null, openedAt: { lte: due }, OR: [{ remindedAt: null }, { remindedAt: { lte: due } }] },
    select: { communiqueId: true },
  });
  let sent = 0;
  for (const r of rounds) {
    sent += await db
      .$transaction((tx) => remind(tx, r.communiqueId, null, now), SERIAL_TX)
      .then((x) => x.reminded)
      .catch(() => 0);
  }
  if (sent) deliverSoon();
  return sent;
}
