import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { notify } from "@/lib/approvals/notify";
import { signatoriesOf } from "@/lib/approvals/recipients";
import { loadCommunique, lockCommunique } from "@/lib/communiques/load-communique";
import { assertReachable } from "@/lib/communiques/ready-for-approval";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { deliverSoon } from "@/lib/mail/deliver";
import type { RevisionPayload } from "@/lib/revisions/revision-payload";
import { nextState } from "@/lib/workflow/assert-allowed";

/** The secretariat opens a signing round of the approved revision, with no signatures yet; every signatory is told. */
export async function openSigning(actor: Actor | null, communiqueId: string) {
  const communique = await loadCommunique(actor, communiqueId, "signing.open");
  return db
    .$transaction(async (tx) => {
      const next = nextState(await lockCommunique(tx, communiqueId), "OPEN_SIGNING");
      const current = await tx.communique.findUniqueOrThrow({ where: { id: communiqueId } });
      if (!current.approvedRevisionId) throw new AppError("NOT_ALLOWED_NOW");
      await assertReachable(tx, communique.meetingId, "signing");
      const revision = await tx.revision.findUniqueOrThrow({ where: { id: current.approvedRevisionId } });
      // A new round: signatures of an earlier one (before a decline) no longer count.
      const { signingRound } = await tx.communique.update({ where: { id: communiqueId }, data: { status: next, signingRound: { increment: 1 } }, select: { signingRound: true } });
      await recordEvent(tx, {
        actorUserId: actor!.userId,
        action: "signing.opened",
        subjectType: "Communique",
        subjectId: communiqueId,
        data: { revision: revision.id, hash: revision.hash, round: signingRound },
      });
      const content = (revision.content as unknown as RevisionPayload).content;
      await notify(tx, await signatoriesOf(tx, communique.meetingId), "signing-opened", content, `/communiques/${communiqueId}/sign`, () => ({ revisionHash: revision.hash }));
      return { revisionHash: revision.hash };
    })
    .finally(deliverSoon);
}
