import { createHash } from "node:crypto";
import { childrenOf, encode, encodeInteger, encodeOid, encodeSetOf, nth, readSingle, TAG } from "./der";

/**
 * The CMS SignedData of a seal (ETSI.CAdES.detached, PAdES baseline B-B): RSA with SHA-256,
 * signed attributes contentType, messageDigest and signing-certificate-v2, no signing-time
 * (PAdES puts the time in the signature dictionary, which the signature covers).
 *
 * It is built here rather than by node-forge's PKCS#7 code because that code re-encodes the
 * signer's issuer name and double-encodes UTF-8 in it, so any certificate with a non-ASCII
 * name (ours: "Communiqué", and Cyrillic or Japanese CA names) gives a signature that no
 * verifier can match to its certificate; it also cannot add signing-certificate-v2.
 *
 * The encoding is fully determined by (certificates, digest, signature value). Verification
 * rebuilds it from those and compares bytes, so no byte of the container can change unseen.
 */

const OID = {
  signedData: "1.2.840.113549.1.7.2",
  data: "1.2.840.113549.1.7.1",
  sha256: "2.16.840.1.101.3.4.2.1",
  sha256WithRsa: "1.2.840.113549.1.1.11",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
} as const;

export interface CmsCertificates {
  /** DER of the certificate whose key signs. */
  signer: Buffer;
  /** DER of the other certificates to embed (its chain), in any order. */
  others: Buffer[];
}

/** The signed attributes, DER-encoded as the SET OF that the signature covers. */
export function signedAttributes(certificates: CmsCertificates, digest: Buffer): Buffer {
  // signing-certificate-v2 binds the signer's certificate to the signature (the certificate
  // itself is not signed otherwise) and, listed after it, every other embedded certificate.
  const essCertIds = [certificates.signer, ...sortedCopy(certificates.others)].map((cert) =>
    // ESSCertIDv2 with the default hash algorithm (SHA-256), which DER leaves out.
    encode(TAG.SEQUENCE, encode(TAG.OCTET_STRING, sha256(cert))),
  );
  return encodeSetOf([
    attribute(OID.contentType, encodeOid(OID.data)),
    attribute(OID.messageDigest, encode(TAG.OCTET_STRING, digest)),
    attribute(OID.signingCertificateV2, encode(TAG.SEQUENCE, encode(TAG.SEQUENCE, ...essCertIds))),
  ]);
}

/** ContentInfo with the SignedData, DER. */
export function buildSignedData(certificates: CmsCertificates, digest: Buffer, signature: Buffer): Buffer {
  const attributes = readSingle(signedAttributes(certificates, digest));
  const { issuer, serial } = certificateIdentity(certificates.signer);
  const sha256Algorithm = encode(TAG.SEQUENCE, encodeOid(OID.sha256));
  const signerInfo = encode(
    TAG.SEQUENCE,
    encodeInteger(1),
    encode(TAG.SEQUENCE, issuer, serial),
    sha256Algorithm,
    // The same attributes, as [0] IMPLICIT instead of SET.
    encode(TAG.CONTEXT_0, attributes.content),
    encode(TAG.SEQUENCE, encodeOid(OID.sha256WithRsa), encode(TAG.NULL)),
    encode(TAG.OCTET_STRING, signature),
  );
  const signedData = encode(
    TAG.SEQUENCE,
    encodeInteger(1),
    encodeSetOf([sha256Algorithm]),
    encode(TAG.SEQUENCE, encodeOid(OID.data)),
    encode(TAG.CONTEXT_0, ...sortedCopy([certificates.signer, ...certificates.others])),
    encodeSetOf([signerInfo]),
  );
  return encode(TAG.SEQUENCE, encodeOid(OID.signedData), encode(TAG.CONTEXT_0, signedData));
}

/** What a rebuild needs from a container; throws DerError when the shape is not ours. */
export function readSignedData(der: Buffer): { certificates: CmsCertificates; signature: Buffer } {
  const contentInfo = childrenOf(readSingle(der), TAG.SEQUENCE);
  const signedData = childrenOf(nth(childrenOf(nth(contentInfo, 1, TAG.CONTEXT_0)), 0, TAG.SEQUENCE));
  const all = childrenOf(nth(signedData, 3, TAG.CONTEXT_0)).map((c) => Buffer.from(c.bytes));
  const signerInfos = childrenOf(nth(signedData, signedData.length - 1, TAG.SET));
  const signerInfo = childrenOf(nth(signerInfos, 0, TAG.SEQUENCE));
  const sid = nth(signerInfo, 1, TAG.SEQUENCE).bytes;
  const signer = all.find((cert) => {
    const { issuer, serial } = certificateIdentity(cert);
    return encode(TAG.SEQUENCE, issuer, serial).equals(sid);
  });
  if (!signer) throw new Error("The signer's certificate is not in the signature");
  return {
    certificates: { signer, others: all.filter((cert) => cert !== signer) },
    signature: Buffer.from(nth(signerInfo, 5, TAG.OCTET_STRING).content),
  };
}

/** Issuer name and serial number exactly as encoded in the certificate. */
function certificateIdentity(certificate: Buffer): { issuer: Buffer; serial: Buffer } {
  const tbs = childrenOf(nth(childrenOf(readSingle(certificate), TAG.SEQUENCE), 0, TAG.SEQUENCE));
  // The version field ([0] EXPLICIT) is absent in version 1 certificates.
  const first = tbs[0]?.tag === TAG.CONTEXT_0 ? 1 : 0;
  return { serial: nth(tbs, first, TAG.INTEGER).bytes, issuer: nth(tbs, first + 2, TAG.SEQUENCE).bytes };
}

function attribute(oid: string, value: Buffer): Buffer {
  return encode(TAG.SEQUENCE, encodeOid(oid), encodeSetOf([value]));
}

function sortedCopy(buffers: Buffer[]): Buffer[] {
  return [...buffers].sort(Buffer.compare);
}

export function sha256(data: Buffer): Buffer {
  return createHash("sha256").update(data).digest();
}
