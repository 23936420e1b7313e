import { recordEvent } from "@/lib/audit/record-event";
import { notify } from "@/lib/approvals/notify";
import { headsOf, secretariat, signatoriesOf } from "@/lib/approvals/recipients";
import { lockCommunique } from "@/lib/communiques/load-communique";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { sha256Hex } from "@/lib/hash/canonical";
import { deliverSoon } from "@/lib/mail/deliver";
import { renderCommuniquePdf } from "@/lib/pdf";
import type { RevisionPayload } from "@/lib/revisions/revision-payload";
import { getSealCertificate } from "@/lib/seal/seal-certificate";
import { sealPdf } from "@/lib/seal/seal-pdf";
import { nextState } from "@/lib/workflow/assert-allowed";
import { completionCertificate } from "./completion-certificate";
import { countingSignatures } from "./counting-signatures";
import { isFinalisationFailure, recordFinalisationFailure, UnusableSignatureImage } from "./finalisation-failure";
import { usableInPdf } from "./signature-image";

export interface FinaliseHooks {
  /** Called after the PDF is sealed and before anything is stored (tests stop here). */
  beforeStore?: () => Promise<void>;
}

/**
 * Produces the final PDF once every signatory has signed: signatures in their blocks, the
 * completion certificate, the PAdES seal; stores the bytes and their SHA-256 and marks the
 * communiqué SIGNED — all in one transaction under the communiqué's row lock. A second run
 * (another instance, or a retry after a crash) finds the stored document and does nothing.
 * A failure is kept with its reason for the status board, where the secretariat can ask the
 * signatory concerned to sign again; the error is thrown on.
 */
export async function finaliseCommunique(communiqueId: string, hooks: FinaliseHooks = {}) {
  try {
    return await produceFinalDocument(communiqueId, hooks);
  } catch (error) {
    if (isFinalisationFailure(error)) {
      await recordFinalisationFailure(communiqueId, error).catch((failure: unknown) => console.error("could not record the finalisation failure", failure));
    }
    throw error;
  }
}

async function produceFinalDocument(communiqueId: string, hooks: FinaliseHooks) {
  // Before the transaction: creating the certificate the first time needs its own queries
  // (on the embedded database, one connection, it would wait behind this transaction).
  const seal = await getSealCertificate();
  const outcome = await db.$transaction(
    async (tx) => {
      const state = await lockCommunique(tx, communiqueId);
      const existing = await tx.finalDocument.findUnique({ where: { communiqueId }, select: { sha256: true } });
      if (existing) return { created: false, sha256: existing.sha256 };
      const next = nextState(state, "ALL_SIGNED");
      const communique = await tx.communique.findUniqueOrThrow({
        where: { id: communiqueId },
        include: { meeting: { select: { id: true, signatories: { select: { id: true } } } } },
      });
      const revision = await tx.revision.findUniqueOrThrow({ where: { id: communique.approvedRevisionId! } });
      const signatures = await tx.signature.findMany({
        where: countingSignatures(communiqueId, communique.signingRound),
        include: { signatory: { include: { person: true } }, user: true },
      });
      if (signatures.length < communique.meeting.signatories.length) throw new AppError("NOT_ALLOWED_NOW", { state });
      // Images stored before uploads were written anew may be ones the PDF engine refuses.
      const unusable = signatures.find((s) => s.image && !usableInPdf(new Uint8Array(s.image)));
      if (unusable) throw new UnusableSignatureImage(unusable.signatoryId);

      const content = (revision.content as unknown as RevisionPayload).content;
      const certificate = await completionCertificate(tx, { communiqueId, revision, signatures, selfSigned: seal.selfSigned, content });
      const unsealed = await renderCommuniquePdf(content, {
        draft: false,
        forSealing: true,
        certificate,
        signatures: Object.fromEntries(
          signatures.map((s) => [
            `signatory-${s.signatoryId}`,
            s.image ? { image: new Uint8Array(s.image), signedAt: s.signedAt.toISOString() } : { typedName: s.typedName ?? "", signedAt: s.signedAt.toISOString() },
          ]),
        ),
        metadata: { title: content.shortTitle.ru, author: "Communiqué", subject: content.shortTitle.ja, creationDate: new Date() },
      });
      const sealed = await sealPdf(unsealed, {
        reason: "Communiqué signed by all signatories / Коммюнике подписано всеми подписантами",
        location: content.signing.place.ru,
        name: seal.subject,
      });
      await hooks.beforeStore?.();
      const sha256 = sha256Hex(sealed);
      await tx.finalDocument.create({
        data: { communiqueId, revisionId: revision.id, pdf: Buffer.from(sealed), sha256, sealFingerprint: seal.fingerprintSha256 },
      });
      await tx.communique.update({ where: { id: communiqueId }, data: { status: next } });
      await tx.finalisationFailure.deleteMany({ where: { communiqueId } });
      await recordEvent(tx, { actorUserId: null, action: "communique.signed", subjectType: "Communique", subjectId: communiqueId, data: { revision: revision.id, sha256 } });
      const delegations = await tx.delegation.findMany({ where: { meetingId: communique.meetingId }, select: { id: true } });
      const everyone = [...(await secretariat(tx)), ...(await headsOf(tx, delegations.map((d) => d.id))), ...(await signatoriesOf(tx, communique.meetingId))];
      await notify(tx, everyone, "communique-signed", content, `/communiques/${communiqueId}/sign`, () => ({ sha256 }));
      return { created: true, sha256 };
    },
    { timeout: 120_000, maxWait: 120_000 },
  );
  deliverSoon();
  return outcome;
}

/** Finishes every communiqué that has all its signatures but no final document (after a crash). */
export async function finalisePending(): Promise<number> {
  const waiting = await db.communique.findMany({
    where: { status: "SIGNING", final: null, approvedRevisionId: { not: null } },
    select: { id: true, signingRound: true, meetingId: true },
  });
  let done = 0;
  for (const c of waiting) {
    const [signed, needed] = await Promise.all([
      db.signature.count({ where: countingSignatures(c.id, c.signingRound) }),
      db.signatory.count({ where: { meetingId: c.meetingId } }),
    ]);
    if (signed < needed) continue;
    const outcome = await finaliseCommunique(c.id).catch((error: unknown) => {
      console.error("finalisation failed; it will be retried", error);
      return null;
    });
    if (outcome?.created) done += 1;
  }
  return done;
}
