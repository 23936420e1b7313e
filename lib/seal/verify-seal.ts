import { checkContainer } from "./check-container";
import { fingerprintOf } from "./open-p12";
import { pdfsigTimeToIso, runPdfsig, type PdfsigSignature } from "./run-pdfsig";

export { PdfsigError } from "./run-pdfsig";

export interface SealVerification {
  /** The PDF has at least one signature. */
  signed: boolean;
  /**
   * Exactly one signature, pdfsig finds it valid, and this app's own check confirms that
   * the signature binds every byte of its container (see check-container.ts). Says nothing
   * about who the signer is: compare certificateFingerprintSha256 for that.
   */
  valid: boolean;
  /** The signature covers the file up to its last byte (nothing was appended after it). */
  coversWholeDocument: boolean;
  /** The signer's certificate chains to a trusted root; false for the self-signed seal. */
  certificateTrusted: boolean;
  /** Common name of the signing certificate; only when valid (it is not bound otherwise). */
  signer?: string;
  /** Signing time from the signed signature dictionary, ISO; only when valid. */
  signedAt?: string;
  /** SHA-256 of the signing certificate, lowercase hex; only when valid. */
  certificateFingerprintSha256?: string;
  signatureCount: number;
  /** One sentence or two, in English, for logs and for the verify page's details. */
  details: string;
}

/**
 * Reports on the seal embedded in a PDF. Runs pdfsig (poppler) and, independently, checks
 * the signature container in-process; both must agree for `valid`. Throws PdfsigError only
 * when pdfsig itself is missing or hangs, never because of what the file contains.
 */
export async function verifySeal(pdf: Uint8Array): Promise<SealVerification> {
  const report = await runPdfsig(pdf);
  const none = { signed: false, valid: false, coversWholeDocument: false, certificateTrusted: false, signatureCount: 0 };
  if (report.kind === "unsigned") return { ...none, details: "The PDF has no signature." };
  if (report.kind === "unreadable") return { ...none, details: `The file cannot be read as a PDF (${report.message}).` };

  const { signatures } = report;
  const [first] = signatures;
  if (!first || signatures.length !== 1) {
    return {
      ...none,
      signed: true,
      signatureCount: signatures.length,
      details: `The PDF has ${signatures.length} signatures; a sealed communiqué has exactly one.`,
    };
  }
  return verifyOne(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength), first);
}

function verifyOne(pdf: Buffer, signature: PdfsigSignature): SealVerification {
  const coversWholeDocument =
    signature.totalDocumentSigned && signature.ranges !== null && signature.ranges[1][1] === pdf.length;
  const base = { signed: true, coversWholeDocument, certificateTrusted: false, signatureCount: 1 };
  const coverage = coversWholeDocument
    ? "It covers the whole document."
    : "It does not cover the whole document: content was added after signing.";

  const pdfsigVerdict = signature.signatureValidation ?? "no verdict";
  if (pdfsigVerdict !== "Signature is Valid.") {
    return { ...base, valid: false, details: `The signature is not valid (pdfsig: ${pdfsigVerdict}). ${coverage}` };
  }
  if (!signature.ranges) {
    return { ...base, valid: false, details: "The signature's signed ranges cannot be read." };
  }
  const check = checkContainer(pdf, signature.ranges);
  if (!check.ok) {
    const problem = check.problem.charAt(0).toLowerCase() + check.problem.slice(1);
    return { ...base, valid: false, details: `The signature is not valid: ${problem}. ${coverage}` };
  }

  const signer = commonName(check.certificate.subject);
  // Only now: pdfsig's lines about a signature that does not verify tell nothing reliable.
  const certificateTrusted = signature.certificateValidation === "Certificate is Trusted.";
  const trust = certificateTrusted
    ? "The signer's certificate is trusted."
    : `The signer's certificate is not trusted by this server (${signature.certificateValidation ?? "not checked"}); ` +
      "for the association's self-signed seal that is expected: compare its fingerprint.";
  return {
    ...base,
    valid: true,
    certificateTrusted,
    signer,
    signedAt: pdfsigTimeToIso(signature.signingTime),
    certificateFingerprintSha256: fingerprintOf(check.certificate),
    details: `The signature is valid${signer ? ` (signed by ${signer})` : ""}. ${coverage} ${trust}`,
  };
}

function commonName(subject: string): string | undefined {
  return /^CN=(.*)$/m.exec(subject)?.[1];
}
