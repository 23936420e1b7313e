import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { asRecipient } from "@/lib/approvals/recipients";
import { notify } from "@/lib/approvals/notify";
import { loadCommunique, lockCommunique } from "@/lib/communiques/load-communique";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { deliverSoon } from "@/lib/mail/deliver";
import type { RevisionPayload } from "@/lib/revisions/revision-payload";
import { normalizeParagraph } from "@/lib/text/normalize";
import { parseInput } from "@/lib/validation/fields";
import { nextState } from "@/lib/workflow/assert-allowed";
import { countingSignatures } from "./counting-signatures";

const withdrawInput = z.object({
  communiqueId: z.string().min(1),
  signatoryId: z.string().min(1),
  reason: z.string().transform(normalizeParagraph).pipe(z.string().min(1, { message: "required" }).max(2000, { message: "tooLong" })),
});

/**
 * The secretariat asks a signatory to sign again: their signature of this round is withdrawn
 * (kept as history), a failed finalisation is cleared, and the signatory is mailed in their
 * language. The way out when a signature stops the final PDF from being made.
 */
export async function withdrawSignature(actor: Actor | null, input: unknown) {
  const { communiqueId, signatoryId, reason } = parseInput(withdrawInput, input);
  await loadCommunique(actor, communiqueId, "signing.withdraw");
  return db
    .$transaction(async (tx) => {
      nextState(await lockCommunique(tx, communiqueId), "WITHDRAW_SIGNATURE");
      const communique = await tx.communique.findUniqueOrThrow({ where: { id: communiqueId }, select: { signingRound: true, approvedRevisionId: true } });
      const signature = await tx.signature.findFirst({
        where: { ...countingSignatures(communiqueId, communique.signingRound), signatoryId },
        include: { user: true },
      });
      if (!signature) throw new AppError("NOT_FOUND");
      await tx.signature.update({ where: { id: signature.id }, data: { withdrawnAt: new Date() } });
      // Signatures are missing again: the document is not due, and whatever stopped it is moot.
      await tx.finalisationFailure.deleteMany({ where: { communiqueId } });
      await recordEvent(tx, {
        actorUserId: actor!.userId,
        action: "signature.withdrawn",
        subjectType: "Communique",
        subjectId: communiqueId,
        data: { signature: signature.id, signatory: signatoryId, round: communique.signingRound, reason },
      });
      const revision = await tx.revision.findUniqueOrThrow({ where: { id: communique.approvedRevisionId! } });
      const content = (revision.content as unknown as RevisionPayload).content;
      const { user } = signature;
      const recipients = user.active ? [asRecipient(user)] : [];
      await notify(tx, recipients, "signature-withdrawn", content, `/communiques/${communiqueId}/sign`, () => ({ reason }));
      return { withdrawn: signature.id };
    })
    .finally(deliverSoon);
}
