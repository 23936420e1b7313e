import type { AuditEntry } from "@/lib/audit/audit-events";
import type { MeetingEvents } from "@/lib/audit/events/meeting-events";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { assertCan } from "@/lib/authz";
import { db, type Tx } from "@/lib/db";
import { SERIAL_TX } from "@/lib/db/serial-tx";
import { AppError } from "@/lib/errors/app-error";
import { nextState } from "@/lib/workflow/assert-allowed";
import type { State } from "@/lib/workflow/communique-workflow";
import { getMeeting, type MeetingDetails } from "./get-meeting";

/** The audit event of a change to a meeting: its action ("delegation.added") and what it records. */
export type MeetingEdit = AuditEntry<Exclude<keyof MeetingEvents, "meeting.created">>;

/** How often a change that kept finding the meeting changed under it reads it again before giving up. */
const ATTEMPTS = 5;

/**
 * Runs a change to a meeting's facts or people in one transaction, with its audit event.
 * The communiqué's text is generated from these, so a change is an edit of the communiqué:
 * the workflow must allow CHANGE_MEETING in its state (an approved, signing or signed
 * communiqué's meeting is read-only), and the meeting's row lock keeps two such changes from interleaving.
 * Returns what `change` returns, or nothing when it returns null (a change that changes nothing).
 */
export async function editMeeting<T>(
  actor: Actor | null,
  meetingId: string,
  change: (tx: Tx, meeting: MeetingDetails, actor: Actor) => Promise<{ result: T; event: MeetingEdit } | null>,
): Promise<T | undefined> {
  for (let attempt = 1; ; attempt += 1) {
    const meeting = await getMeeting(actor, meetingId);
    assertCan(actor, "meeting.edit");
    const outcome = await db.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<{ version: number }[]>`SELECT "version" FROM "Meeting" WHERE "id" = ${meeting.id} FOR UPDATE`;
      if (!locked) throw new AppError("NOT_FOUND");
      // Every change bumps the version under this lock. If one went through between the read
      // above and the lock, `meeting` is out of date (the list to renumber, the position to
      // append after, the rows to check): read it again rather than work on what was.
      if (locked.version !== meeting.version) return { stale: true } as const;
      await assertCommuniquesEditable(tx, meeting.id);
      const done = await change(tx, meeting, actor);
      if (done === null) return { stale: false, result: undefined } as const;
      await tx.meeting.update({ where: { id: meeting.id }, data: { version: { increment: 1 } } });
      await recordEvent(tx, { actorUserId: actor.userId, subjectType: "Meeting", subjectId: meeting.id, ...done.event });
      return { stale: false, result: done.result } as const;
    }, SERIAL_TX);
    if (!outcome.stale) return outcome.result;
    if (attempt >= ATTEMPTS) throw new AppError("STALE_VERSION");
  }
}

/** NOT_ALLOWED_NOW unless the workflow lets every communiqué of the meeting follow a change of it. */
export async function assertCommuniquesEditable(tx: Tx, meetingId: string): Promise<void> {
  const communiques = await tx.communique.findMany({ where: { meetingId }, select: { status: true } });
  for (const { status } of communiques) nextState(status as State, "CHANGE_MEETING");
}
