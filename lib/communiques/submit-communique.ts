import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import { deliverSoon } from "@/lib/mail/deliver";
import { freezeRevision } from "@/lib/revisions/freeze-revision";
import { SERIAL_TX } from "@/lib/db/serial-tx";
import { nextState } from "@/lib/workflow/assert-allowed";
import { loadCommunique, lockCommunique } from "./load-communique";
import { assertClausesReady, assertPrintable, assertReachable } from "./ready-for-approval";
import type { RouteInput } from "@/lib/approvals/route";
import { startRound } from "@/lib/approvals/start-round";

/**
 * Sends the communiqué for approval: freezes a revision and moves it to IN_APPROVAL.
 * Refused while a translation is flagged, a clause is empty in a language, or a character
 * cannot be printed — the message names the clauses (by their number in the draft).
 */
export async function submitCommunique(actor: Actor | null, communiqueId: string, route?: RouteInput) {
  const summary = await loadCommunique(actor, communiqueId, "communique.view");
  assertCan(actor, "communique.submit");
  return db.$transaction(async (tx) => {
    const next = nextState(await lockCommunique(tx, communiqueId), "SUBMIT");
    await assertClausesReady(tx, communiqueId);
    await assertReachable(tx, summary.meetingId, "approval");
    const { revision, content } = await freezeRevision(tx, communiqueId, actor.userId, "submitted");
    assertPrintable(content);
    await tx.communique.update({ where: { id: communiqueId }, data: { status: next } });
    await startRound(tx, { communiqueId, meetingId: summary.meetingId, revision, content, actorUserId: actor.userId, route });
    await recordEvent(tx, {
      actorUserId: actor.userId,
      action: "communique.submitted",
      subjectType: "Communique",
      subjectId: communiqueId,
      data: { revision: revision.id, hash: revision.hash, status: next },
    });
    return { revisionId: revision.id, hash: revision.hash };
  }, SERIAL_TX).finally(deliverSoon);
}
