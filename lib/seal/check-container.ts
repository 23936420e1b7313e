import { verify, X509Certificate } from "node:crypto";
import { buildSignedData, encodedLength, OID, readSignedData, sha256, type CmsCertificates } from "./cms";

/** A signature's two signed byte ranges, as [start, end) offsets; the gap holds /Contents. */
export type SignedRanges = readonly [readonly [number, number], readonly [number, number]];

export type ContainerCheck =
  | { ok: true; certificate: X509Certificate; certificates: CmsCertificates }
  | { ok: false; problem: string };

/** A CMS larger than this is not a seal (ours takes about 2 KB, with a chain a few more). */
const MAX_CONTAINER_BYTES = 256 * 1024;

/**
 * Checks that a signature is valid and binds every byte it does not cover.
 *
 * The usual checks: the digest of the signed ranges is the signed messageDigest, and the
 * signature over the signed attributes verifies with the signer's certificate. But the bytes
 * between the two signed ranges are not signed, and PDF validators accept changes there that
 * keep the signature verifiable: another hex case, bytes after the DER, a changed name or
 * date inside the embedded certificate. So the gap must be exactly "<" + hex of the CMS +
 * zero padding + ">", and the CMS must be exactly what this app's signer would build from its
 * certificates, the digest of the signed ranges and its signature value, with the
 * certificates bound by signing-certificate-v2. Then the only free inputs are the
 * certificates and the signature, and the signature check covers both.
 */
export function checkContainer(pdf: Buffer, ranges: SignedRanges): ContainerCheck {
  const [[start1, end1], [start2, end2]] = ranges;
  if (!(start1 === 0 && end1 > 0 && end1 + 2 <= start2 && start2 <= end2 && end2 <= pdf.length)) {
    return { ok: false, problem: "The signed ranges are not one gap for the signature" };
  }
  if (pdf[end1] !== 0x3c || pdf[start2 - 1] !== 0x3e) {
    return { ok: false, problem: "The signature is not a hex string between the signed ranges" };
  }
  if (start2 - end1 - 2 > 2 * MAX_CONTAINER_BYTES) return { ok: false, problem: "The signature's hex string is too long for a seal" };
  const hex = pdf.subarray(end1 + 1, start2 - 1).toString("latin1");
  if (hex.length % 2 !== 0 || !(/^[0-9a-f]*$/.test(hex) || /^[0-9A-F]*$/.test(hex))) {
    return { ok: false, problem: "The signature's hex string is not canonical" };
  }
  const raw = Buffer.from(hex, "hex");
  try {
    return checkCms(raw, [pdf.subarray(start1, end1), pdf.subarray(start2, end2)]);
  } catch (error) {
    // Whatever an uploaded file holds, the answer is "not valid", never an exception.
    return { ok: false, problem: `The signature container cannot be read: ${(error as Error).message}` };
  }
}

function checkCms(raw: Buffer, signedParts: Buffer[]): ContainerCheck {
  const der = raw.subarray(0, encodedLength(raw));
  if (raw.subarray(der.length).some((byte) => byte !== 0)) {
    return { ok: false, problem: "The signature's padding is not all zeros" };
  }
  const parts = readSignedData(der);
  if (parts.digestAlgorithm !== OID.sha256 || parts.signatureAlgorithm !== OID.sha256WithRsa) {
    return { ok: false, problem: "The signature is not RSA with SHA-256" };
  }
  const digest = sha256(Buffer.concat(signedParts));
  if (!parts.messageDigest?.equals(digest)) {
    return { ok: false, problem: "The signed content was changed (its digest does not match)" };
  }
  const certificate = new X509Certificate(parts.certificates.signer);
  if (certificate.publicKey.asymmetricKeyType !== "rsa") {
    return { ok: false, problem: "The signer's key is not an RSA key" };
  }
  if (!verify("sha256", parts.signedAttributes, certificate.publicKey, parts.signature)) {
    return { ok: false, problem: "The signature value does not verify" };
  }
  if (!buildSignedData(parts.certificates, digest, parts.signature).equals(der)) {
    return { ok: false, problem: "The signature container is not in this app's exact form (something in it was changed)" };
  }
  return { ok: true, certificate, certificates: parts.certificates };
}

/**
 * The signed ranges of the one signature in a PDF this app just sealed (it refuses to seal
 * a PDF that already has one). Only for checking its own output: uploads go through
 * findSignatures.
 */
export function rangesOfOwnSeal(pdf: Buffer): SignedRanges {
  const text = pdf.toString("latin1");
  const matches = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const match = matches[0];
  if (matches.length !== 1 || !match) throw new Error(`Expected one /ByteRange, found ${matches.length}`);
  const [a, b, c, d] = match.slice(1, 5).map(Number) as [number, number, number, number];
  return [
    [a, a + b],
    [c, c + d],
  ];
}
