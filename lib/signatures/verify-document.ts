import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { sha256Hex } from "@/lib/hash/canonical";
import { getSealCertificate } from "@/lib/seal/seal-certificate";
import { verifySeal } from "@/lib/seal/verify-seal";
import type { CommuniqueContent } from "@/lib/communique/content";
import { fromRoman } from "@/lib/communique/roman";
import type { RevisionPayload } from "@/lib/revisions/revision-payload";

/** The line naming the meeting, as printed under the title. */
function meetingLine(content: CommuniqueContent) {
  const block = content.blocks.find((b) => b.kind === "meetingLine");
  return block && block.kind !== "participants" ? block.text : content.shortTitle;
}

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
      revision: { select: { number: true, content: true, signatures: { orderBy: { signedAt: "asc" }, select: { signedAt: true, signatoryId: true } } } },
    },
  });
  const seal = await verifySeal(bytes);
  // Anyone can make a certificate with the association's name: only ours counts.
  const ours = record?.sealFingerprint ?? (await getSealCertificate()).fingerprintSha256;
  const sealOurs = seal.valid && seal.certificateFingerprintSha256 === ours;
  // Described as it was signed: from the frozen revision, never from today's meeting and people.
  const content = record ? (record.revision.content as unknown as RevisionPayload).content : null;
  const names = new Map(content?.signatories.map((s) => [s.id, s.name]) ?? []);
  return {
    sha256,
    genuine: Boolean(record),
    meeting: content ? { ordinal: content.meeting.ordinal, number: fromRoman(content.meeting.ordinal), line: meetingLine(content) } : null,
    signedOn: record?.createdAt ?? null,
    signers: record?.revision.signatures.flatMap((s) => {
      // Signature blocks are keyed "signatory-<row id>" in the content (see draft-sources).
      const name = names.get(`signatory-${s.signatoryId}`);
      return name ? [{ name, at: s.signedAt }] : [];
    }) ?? [],
    // `valid`: a seal of this association, intact; `intact`: a signature whatever its maker, intact.
    seal: { signed: seal.signed, valid: sealOurs, intact: seal.valid, coversWholeDocument: seal.coversWholeDocument, certificateTrusted: seal.certificateTrusted },
  };
}
