import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { notify } from "@/lib/approvals/notify";
import { secretariat, signatoriesOf } from "@/lib/approvals/recipients";
import { loadCommunique, lockCommunique } from "@/lib/communiques/load-communique";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { deliverSoon } from "@/lib/mail/deliver";
import type { RevisionPayload } from "@/lib/revisions/revision-payload";
import { normalizeParagraph } from "@/lib/text/normalize";
import { parseInput } from "@/lib/validation/fields";
import { nextState } from "@/lib/workflow/assert-allowed";

const declineInput = z.object({
  communiqueId: z.string().min(1),
  signatoryId: z.string().min(1),
  reason: z.string().transform(normalizeParagraph).pipe(z.string().min(1, { message: "required" }).max(2000, { message: "tooLong" })),
});

/** A signatory declines with a reason: signing stops and the communiqué returns to editing. */
export async function declineSigning(actor: Actor | null, input: unknown) {
  const { communiqueId, signatoryId, reason } = parseInput(declineInput, input);
  const communique = await loadCommunique(actor, communiqueId, "signing.sign");
  const signatory = await db.signatory.findUnique({ where: { id: signatoryId }, include: { person: true } });
  if (!signatory || signatory.meetingId !== communique.meetingId || signatory.personId !== actor!.personId) throw new AppError("FORBIDDEN");
  return db
    .$transaction(async (tx) => {
      const next = nextState(await lockCommunique(tx, communiqueId), "DECLINE_SIGNING");
      const current = await tx.communique.findUniqueOrThrow({ where: { id: communiqueId } });
      const revision = await tx.revision.findUniqueOrThrow({ where: { id: current.approvedRevisionId! } });
      await tx.signatureDecline.create({ data: { communiqueId, revisionId: revision.id, signatoryId, userId: actor!.userId, reason } });
      await tx.communique.update({ where: { id: communiqueId }, data: { status: next, approvedRevisionId: null } });
      await recordEvent(tx, { actorUserId: actor!.userId, action: "signing.declined", subjectType: "Communique", subjectId: communiqueId, data: { signatory: signatoryId, revision: revision.id } });
      const content = (revision.content as unknown as RevisionPayload).content;
      const others = (await signatoriesOf(tx, communique.meetingId)).filter((r) => r.email !== actor!.email);
      await notify(tx, [...(await secretariat(tx)), ...others], "signing-declined", content, `/communiques/${communiqueId}`, (r) => ({
        byWhom: r.locale === "ja" ? signatory.person.nameJa : signatory.person.nameRu,
        reason,
      }));
    })
    .finally(deliverSoon);
}
