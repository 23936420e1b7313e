import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { sha256Hex } from "@/lib/hash/canonical";
import { getSealCertificate } from "@/lib/seal/seal-certificate";
import { verifySeal } from "@/lib/seal/verify-seal";

export const MAX_VERIFY_BYTES = 20 * 1024 * 1024;

/**
 * Public check of a PDF: is it byte for byte a signed communiqué on record (which meeting,
 * when, who signed), and is its embedded seal valid over the whole file?
 */
export async function verifyDocument(bytes: Uint8Array) {
  if (bytes.length === 0 || bytes.length > MAX_VERIFY_BYTES) throw new AppError("NOT_A_PDF");
  if (Buffer.from(bytes.subarray(0, 5)).toString("latin1") !== "%PDF-") throw new AppError("NOT_A_PDF");
  const sha256 = sha256Hex(bytes);
  const record = await db.finalDocument.findUnique({
    where: { sha256 },
    select: {
      createdAt: true,
      sealFingerprint: true,
      revision: { select: { number: true, signatures: { orderBy: { signedAt: "asc" }, select: { signedAt: true, signatory: { select: { person: { select: { nameRu: true, nameJa: true } } } } } } } },
      communique: { select: { meeting: { select: { ordinal: true, number: true, nameRu: true, nameJa: true } } } },
    },
  });
  const seal = await verifySeal(bytes);
  // Anyone can make a certificate with the association's name: only ours counts.
  const ours = record?.sealFingerprint ?? (await getSealCertificate()).fingerprintSha256;
  const sealOurs = seal.valid && seal.certificateFingerprintSha256 === ours;
  return {
    sha256,
    genuine: Boolean(record),
    meeting: record?.communique.meeting ?? null,
    signedOn: record?.createdAt ?? null,
    signers: record?.revision.signatures.map((s) => ({ name: { ru: s.signatory.person.nameRu, ja: s.signatory.person.nameJa }, at: s.signedAt })) ?? [],
    seal: { signed: seal.signed, valid: sealOurs, coversWholeDocument: seal.coversWholeDocument, certificateTrusted: seal.certificateTrusted },
  };
}
