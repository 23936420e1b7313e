import { db } from "@/lib/db";
import { allows, type State } from "@/lib/workflow/communique-workflow";
import { countingSignatures } from "./counting-signatures";

/**
 * For the status board while signing is open: who has signed in this round, and why the final
 * PDF could not be made, if it could not (with the signatory concerned, when one is).
 */
export async function signingProgress(communique: { id: string; meetingId: string; status: State; signingRound: number }) {
  if (!allows(communique.status, "ALL_SIGNED")) return null;
  const [signatories, failure] = await Promise.all([
    db.signatory.findMany({
      where: { meetingId: communique.meetingId },
      orderBy: { position: "asc" },
      include: { person: true, signatures: { where: countingSignatures(communique.id, communique.signingRound), select: { signedAt: true, method: true } } },
    }),
    db.finalisationFailure.findUnique({ where: { communiqueId: communique.id } }),
  ]);
  return {
    round: communique.signingRound,
    signatories: signatories.map((s) => ({
      id: s.id,
      name: { ru: s.person.nameRu, ja: s.person.nameJa },
      signedAt: s.signatures[0]?.signedAt ?? null,
      method: s.signatures[0]?.method ?? null,
    })),
    failure: failure && {
      code: failure.code,
      signatoryId: failure.signatoryId,
      message: failure.message,
      firstAt: failure.firstAt,
      lastAt: failure.lastAt,
      attempts: failure.attempts,
    },
  };
}
