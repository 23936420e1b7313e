import type { Actor } from "@/lib/auth/actor";
import { assertCan, type Action } from "@/lib/authz";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { meetingSubject } from "@/lib/meetings/meeting-people";

const PEOPLE = {
  delegations: { select: { headPersonId: true, deputyPersonId: true } },
  participants: { select: { personId: true } },
  signatories: { select: { personId: true } },
} as const;

/** Loads a communiqué and checks that the actor may do `action` to it. */
export async function loadCommunique(actor: Actor | null, communiqueId: string, action: Action) {
  const communique = await db.communique.findUnique({
    where: { id: communiqueId },
    include: { meeting: { select: { id: true, ordinal: true, number: true, ...PEOPLE } } },
  });
  if (!communique) {
    assertCan(actor, "meeting.list");
    throw new AppError("NOT_FOUND");
  }
  assertCan(actor, action, meetingSubject(communique.meeting, communique.id));
  return communique;
}

/**
 * Takes the communiqué's row lock for the rest of the transaction: edits of one communiqué
 * (positions, revision numbers, status) happen one at a time. Returns its current status.
 */
export async function lockCommunique(tx: Tx, communiqueId: string) {
  const rows = await tx.$queryRaw<{ status: string }[]>`SELECT "status"::text AS status FROM "Communique" WHERE "id" = ${communiqueId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND");
  return row.status as import("@/lib/workflow/communique-workflow").State;
}
