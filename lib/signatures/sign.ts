import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { loadCommunique, lockCommunique } from "@/lib/communiques/load-communique";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { sha256Hex } from "@/lib/hash/canonical";
import { undrawable } from "@/lib/clauses/clause-text";
import { normalizeLine } from "@/lib/text/normalize";
import { parseInput } from "@/lib/validation/fields";
import { nextState } from "@/lib/workflow/assert-allowed";
import { confirmPassword } from "./confirm-password";
import { countingSignatures } from "./counting-signatures";
import { finaliseCommunique } from "./finalise";
import { prepareSignatureImage } from "./signature-image";
import { checkSigningCode, useSigningCode } from "./signing-code";

const signInput = z.object({
  communiqueId: z.string().min(1),
  signatoryId: z.string().min(1),
  revisionHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** The signatory confirms who they are with their password or with the code mailed to them. */
  password: z.string().max(200).optional(),
  code: z.preprocess((v) => (typeof v === "string" ? v.replace(/\s/g, "") : v), z.string().regex(/^\d{6}$/, { message: "invalid" }).optional()),
  method: z.enum(["DRAWN", "TYPED", "SEAL"]),
  typedName: z.string().max(120).optional(),
});

export interface SignContext {
  ip: string;
  userAgent: string;
  image?: Uint8Array;
}

/**
 * A signatory signs the approved revision: confirmed again by password or mailed code, the image or typed name
 * checked, one signature per signatory in the signing round. When it is the last signature,
 * the final PDF is produced. Nothing is decoded while signing is closed.
 */
export async function signCommunique(actor: Actor | null, input: unknown, context: SignContext) {
  const { communiqueId, signatoryId, revisionHash, password, code, method, typedName } = parseInput(
    signInput.refine((v) => v.code || v.password, { path: ["password"], message: "required" }),
    input,
  );
  const communique = await loadCommunique(actor, communiqueId, "signing.sign");
  nextState(communique.status, "SIGN");
  const signatory = await db.signatory.findUnique({ where: { id: signatoryId } });
  if (!signatory || signatory.meetingId !== communique.meetingId || signatory.personId !== actor!.personId) throw new AppError("FORBIDDEN");

  const codeId = code ? await checkSigningCode(actor!, communiqueId, code) : null;
  if (!code) await confirmPassword(actor!, password!, context.ip);

  let image: Uint8Array | null = null;
  let imageType: string | null = null;
  let name: string | null = null;
  if (method === "TYPED") {
    name = normalizeLine(typedName ?? "");
    if (!name) throw new AppError("VALIDATION", {}, { typedName: "required" });
    const missing = undrawable(name);
    if (missing.length) throw new AppError("MISSING_GLYPHS", { chars: missing.join(" ") });
  } else {
    ({ bytes: image, type: imageType } = await prepareSignatureImage(context.image ?? new Uint8Array(), { drawn: method === "DRAWN" }));
  }

  const result = await db.$transaction(async (tx) => {
    nextState(await lockCommunique(tx, communiqueId), "SIGN");
    const current = await tx.communique.findUniqueOrThrow({ where: { id: communiqueId }, include: { meeting: { select: { signatories: { select: { id: true } } } } } });
    const revision = await tx.revision.findUniqueOrThrow({ where: { id: current.approvedRevisionId! } });
    if (revision.hash !== revisionHash) throw new AppError("REVISION_SUPERSEDED", { number: revision.number });
    const counting = countingSignatures(communiqueId, current.signingRound);
    if (await tx.signature.findFirst({ where: { ...counting, signatoryId }, select: { id: true } })) throw new AppError("ALREADY_SIGNED");
    if (codeId) await useSigningCode(tx, codeId);
    const signature = await tx.signature.create({
      data: {
        communiqueId,
        revisionId: revision.id,
        revisionHash,
        signatoryId,
        round: current.signingRound,
        userId: actor!.userId,
        method,
        image: image ? Buffer.from(image) : null,
        imageType,
        typedName: name,
        ip: context.ip.slice(0, 100),
        userAgent: context.userAgent.slice(0, 500),
      },
    });
    await recordEvent(tx, {
      actorUserId: actor!.userId,
      action: "signature.recorded",
      subjectType: "Communique",
      subjectId: communiqueId,
      data: { signature: signature.id, signatory: signatoryId, method, confirmedBy: codeId ? "code" : "password", revisionHash, ip: signature.ip, image: image ? sha256Hex(image) : null },
    });
    const signed = await tx.signature.count({ where: counting });
    return { id: signature.id, complete: signed >= current.meeting.signatories.length };
  });
  // The signature is recorded whatever happens next; a failed finalisation is retried by the
  // background job (finalisePending), so the signatory is not told their signature failed.
  if (result.complete) await finaliseCommunique(communiqueId).catch((error: unknown) => console.error("finalisation failed; it will be retried", error));
  return result;
}
