import { X509Certificate } from "node:crypto";
import { chainsToTrustedRoot } from "./certificate-trust";
import { checkContainer } from "./check-container";
import { findSignatures, pdfDateToIso, type PdfSignature } from "./find-signatures";
import { fingerprintOf } from "./open-p12";
import { SealCheckTooComplex, workBudget } from "./work-budget";

export interface SealVerification {
  /** The PDF has at least one signature. */
  signed: boolean;
  /**
   * Exactly one signature, it verifies over its signed ranges, and its container binds every
   * byte it holds (see check-container.ts). Says nothing about who the signer is: compare
   * certificateFingerprintSha256 for that.
   */
  valid: boolean;
  /** The signature covers the file up to its last byte (nothing was appended after it). */
  coversWholeDocument: boolean;
  /** The signer's certificate chains to a trusted root; false for the self-signed seal. */
  certificateTrusted: boolean;
  /**
   * False when the file could not be checked within the work a public check may spend on it
   * (time, objects, nesting): then nothing else here is a verdict.
   */
  checked: boolean;
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
 * The most time one file may take. The check runs on the server's main thread, so this is also
 * the longest a hostile file can hold up other requests; a sealed communiqué of 20 MB (a scan,
 * two hashes) takes a small part of it.
 */
export const VERIFY_TIME_BUDGET_MS = 1_000;

const NONE = { signed: false, valid: false, coversWholeDocument: false, certificateTrusted: false, checked: true, signatureCount: 0 };

/**
 * Reports on the seal embedded in a PDF, in-process and with bounded work. Never throws
 * because of what the file contains: a file too costly to check is reported as not checked.
 */
export async function verifySeal(pdf: Uint8Array): Promise<SealVerification> {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const budget = workBudget(VERIFY_TIME_BUDGET_MS);
  try {
    const search = findSignatures(bytes, budget);
    if (search.kind === "unsigned") return { ...NONE, details: "The PDF has no signature." };
    if (search.kind === "unreadable") return { ...NONE, details: `The file cannot be read as a PDF (${search.message}).` };
    const { signatures } = search;
    const [first] = signatures;
    if (!first || signatures.length !== 1) {
      return {
        ...NONE,
        signed: true,
        signatureCount: signatures.length,
        details: `The PDF has ${signatures.length} signatures; a sealed communiqué has exactly one.`,
      };
    }
    const result = verifyOne(bytes, first);
    budget.check();
    return result;
  } catch (error) {
    if (!(error instanceof SealCheckTooComplex)) throw error;
    return { ...NONE, checked: false, details: `The file cannot be checked: ${error.message}.` };
  }
}

function verifyOne(pdf: Buffer, signature: PdfSignature): SealVerification {
  const base = { ...NONE, signed: true, signatureCount: 1 };
  const { ranges, contents } = signature;
  if (!ranges) return { ...base, details: "The signature's /ByteRange is not four numbers." };
  const coversWholeDocument = ranges[0][0] === 0 && ranges[1][1] === pdf.length;
  const coverage = coversWholeDocument
    ? "It covers the whole document."
    : "It does not cover the whole document: content was added after signing.";
  // The gap must be this dictionary's own /Contents, not some other string of the file.
  if (!contents || contents.start !== ranges[0][1] || contents.end !== ranges[1][0]) {
    return { ...base, coversWholeDocument, details: `The signature is not valid: its signed ranges do not leave out exactly its /Contents. ${coverage}` };
  }
  const check = checkContainer(pdf, ranges);
  if (!check.ok) {
    const problem = check.problem.charAt(0).toLowerCase() + check.problem.slice(1);
    return { ...base, coversWholeDocument, details: `The signature is not valid: ${problem}. ${coverage}` };
  }

  const signer = commonName(check.certificate.subject);
  const certificateTrusted = isTrusted(check.certificate, check.certificates.others);
  const trust = certificateTrusted
    ? "The signer's certificate is trusted."
    : "The signer's certificate is not trusted by this server (it does not chain to a known root); for the association's self-signed seal " +
      "that is expected: compare its fingerprint.";
  return {
    ...base,
    valid: true,
    coversWholeDocument,
    certificateTrusted,
    signer,
    signedAt: pdfDateToIso(signature.signingTime),
    certificateFingerprintSha256: fingerprintOf(check.certificate),
    details: `The signature is valid${signer ? ` (signed by ${signer})` : ""}. ${coverage} ${trust}`,
  };
}

/** A chain Node cannot read is not a trusted one (the seal itself was already checked). */
function isTrusted(signer: X509Certificate, others: Buffer[]): boolean {
  try {
    return chainsToTrustedRoot(signer, others.map((der) => new X509Certificate(der)));
  } catch {
    return false;
  }
}

function commonName(subject: string): string | undefined {
  return /^CN=(.*)$/m.exec(subject)?.[1];
}
