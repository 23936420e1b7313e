import type { Actor } from "@/lib/auth/actor";
import { loadCommunique } from "@/lib/communiques/load-communique";
import { db } from "@/lib/db";
import type { RevisionPayload } from "@/lib/revisions/revision-payload";
import { countingSignatures } from "./counting-signatures";

/** The signing page: the approved revision, who has signed, and what this person may sign. */
export async function getSigning(actor: Actor | null, communiqueId: string) {
  const communique = await loadCommunique(actor, communiqueId, "communique.view");
  const revision = communique.approvedRevisionId
    ? await db.revision.findUnique({ where: { id: communique.approvedRevisionId }, select: { id: true, number: true, hash: true, content: true } })
    : null;
  const signatories = await db.signatory.findMany({
    where: { meetingId: communique.meetingId },
    orderBy: { position: "asc" },
    // Only this round's signatures: earlier rounds and withdrawn signatures are history.
    include: { person: true, signatures: { where: revision ? countingSignatures(communiqueId, communique.signingRound) : { id: "" }, select: { signedAt: true, method: true } } },
  });
  const mine = signatories.filter((s) => s.personId === actor!.personId);
  const final = await db.finalDocument.findUnique({ where: { communiqueId }, select: { sha256: true, createdAt: true } });
  return {
    communique,
    revision: revision ? { id: revision.id, number: revision.number, hash: revision.hash } : null,
    content: revision ? (revision.content as unknown as RevisionPayload).content : null,
    signatories: signatories.map((s) => ({
      id: s.id,
      name: { ru: s.person.nameRu, ja: s.person.nameJa },
      title: { ru: s.titleRu, ja: s.titleJa },
      signedAt: s.signatures[0]?.signedAt ?? null,
    })),
    mine: mine.map((s) => ({ id: s.id, name: { ru: s.person.nameRu, ja: s.person.nameJa }, signed: s.signatures.length > 0 })),
    final,
  };
}
