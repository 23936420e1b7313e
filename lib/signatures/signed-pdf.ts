import type { Actor } from "@/lib/auth/actor";
import { loadCommunique } from "@/lib/communiques/load-communique";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

/** The sealed final PDF, for the secretariat, the heads and the signatories. */
export async function signedPdf(actor: Actor | null, communiqueId: string) {
  const communique = await loadCommunique(actor, communiqueId, "signed.download");
  const final = await db.finalDocument.findUnique({ where: { communiqueId } });
  if (!final) throw new AppError("NOT_FOUND");
  return { bytes: new Uint8Array(final.pdf), sha256: final.sha256, ordinal: communique.meeting.ordinal, number: communique.meeting.number };
}
