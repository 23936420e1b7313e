import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import { loadCommunique, lockCommunique } from "@/lib/communiques/load-communique";
import { nextState } from "@/lib/workflow/assert-allowed";
import { startRound } from "@/lib/approvals/start-round";
import { deliverSoon } from "@/lib/mail/deliver";
import { assertClausesReady, assertPrintable, assertReachable } from "@/lib/communiques/ready-for-approval";
import { SERIAL_TX } from "@/lib/db/serial-tx";
import { freezeRevision } from "./freeze-revision";

/** "Save revision": a named point in the history that can be compared and printed. */
export async function saveRevision(actor: Actor | null, communiqueId: string) {
  const communique = await loadCommunique(actor, communiqueId, "communique.view");
  assertCan(actor, "revision.create");
  return db.$transaction(async (tx) => {
    const state = await lockCommunique(tx, communiqueId);
    nextState(state, "SAVE_REVISION");
    // What goes to the heads again must meet the same conditions as a submission.
    if (state === "IN_APPROVAL") {
      await assertClausesReady(tx, communiqueId);
      await assertReachable(tx, communique.meetingId, "approval");
    }
    const { revision, created, content } = await freezeRevision(tx, communiqueId, actor.userId, "saved");
    // After submission any change goes round again as a new revision: earlier decisions lapse.
    if (created && state === "IN_APPROVAL") {
      assertPrintable(content);
      await startRound(tx, { communiqueId, meetingId: communique.meetingId, revision, content, actorUserId: actor.userId });
    }
    return { id: revision.id, number: revision.number, hash: revision.hash, created, resent: created && state === "IN_APPROVAL" };
  }, SERIAL_TX).finally(deliverSoon);
}
