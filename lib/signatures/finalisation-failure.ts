import { recordEvent } from "@/lib/audit/record-event";
import { lockCommunique } from "@/lib/communiques/load-communique";
import { db } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { allows } from "@/lib/workflow/communique-workflow";

/** A signature whose stored image the PDF engine cannot take: the signatory must sign again. */
export class UnusableSignatureImage extends AppError {
  constructor(readonly signatoryId: string) {
    super("BAD_IMAGE");
  }
}

/** Whether an error stopped the making of the PDF (rather than the communiqué not being ready). */
export function isFinalisationFailure(error: unknown): boolean {
  return error instanceof UnusableSignatureImage || !isAppError(error);
}

/**
 * Keeps the reason of a failed finalisation for the status board. The retry job fails the
 * same way every minute: the audit trail gets an event when the reason first appears or
 * changes, and the row counts the attempts.
 */
export async function recordFinalisationFailure(communiqueId: string, error: unknown) {
  const code = error instanceof UnusableSignatureImage ? "BAD_IMAGE" : "FINALISATION_FAILED";
  const signatoryId = error instanceof UnusableSignatureImage ? error.signatoryId : null;
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  await db.$transaction(async (tx) => {
    // Only while the communiqué waits for its document (it may have been finished meanwhile).
    if (!allows(await lockCommunique(tx, communiqueId), "ALL_SIGNED")) return;
    const known = await tx.finalisationFailure.findUnique({ where: { communiqueId } });
    const now = new Date();
    await tx.finalisationFailure.upsert({
      where: { communiqueId },
      create: { communiqueId, code, signatoryId, message, firstAt: now, lastAt: now },
      update: { code, signatoryId, message, lastAt: now, attempts: { increment: 1 } },
    });
    if (known && known.code === code && known.signatoryId === signatoryId) return;
    await recordEvent(tx, { actorUserId: null, action: "finalisation.failed", subjectType: "Communique", subjectId: communiqueId, data: { code, signatory: signatoryId, message } });
  });
}
