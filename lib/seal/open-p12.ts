import { createPrivateKey, X509Certificate, type KeyObject } from "node:crypto";
import forge from "node-forge";
import type { CmsCertificates } from "./cms";

const BAG = {
  key: "1.2.840.113549.1.12.10.1.1",
  shroudedKey: "1.2.840.113549.1.12.10.1.2",
  cert: "1.2.840.113549.1.12.10.1.3",
} as const;

export class SealCertificateError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SealCertificateError";
  }
}

/** The key and certificates of a PKCS#12 file, checked to be usable for sealing. */
export interface SigningMaterial {
  privateKey: KeyObject;
  /** The certificate that belongs to the key. */
  certificate: X509Certificate;
  certificates: CmsCertificates;
}

/**
 * Opens a PKCS#12 file with node-forge (Node has no PKCS#12 reader) and hands the key to
 * Node's crypto, which does the signing. `source` names the file in error messages.
 */
export function openP12(p12: Uint8Array, passphrase: string, source: string, now = new Date()): SigningMaterial {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    // Non-strict: some tools write BER (indefinite lengths) in PKCS#12 files.
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(p12).toString("binary")), false);
    parsed = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch (error) {
    const reason = /password|MAC|decrypt/i.test(String((error as Error)?.message))
      ? "the passphrase is wrong"
      : "it is not a readable PKCS#12 file";
    throw new SealCertificateError(`Cannot open the seal certificate (${source}): ${reason}`, { cause: error });
  }

  const bags = (type: string) => parsed.getBags({ bagType: type })[type] ?? [];
  const keyBags = [...bags(BAG.shroudedKey), ...bags(BAG.key)];
  const certBags = bags(BAG.cert);
  if (keyBags.length !== 1) {
    throw new SealCertificateError(`The seal certificate (${source}) must hold exactly one private key; it holds ${keyBags.length}`);
  }
  const key = keyBags[0]?.key;
  // forge reads RSA keys only; an EC key comes back as null.
  if (!key) throw new SealCertificateError(`The seal certificate's key (${source}) is not an RSA key`);
  const privateKey = createPrivateKey(forge.pki.privateKeyToPem(key));

  const certificates = certBags.flatMap((bag) =>
    bag.cert ? [Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(bag.cert)).getBytes(), "binary")] : [],
  );
  const signer = certificates.find((der) => new X509Certificate(der).checkPrivateKey(privateKey));
  if (!signer) throw new SealCertificateError(`The seal certificate file (${source}) has no certificate for its private key`);
  const certificate = new X509Certificate(signer);

  const notBefore = new Date(certificate.validFrom);
  const notAfter = new Date(certificate.validTo);
  if (now < notBefore || now > notAfter) {
    throw new SealCertificateError(
      `The seal certificate (${source}) is valid from ${notBefore.toISOString()} to ${notAfter.toISOString()}, not now`,
    );
  }
  if (privateKey.asymmetricKeyDetails?.modulusLength !== undefined && privateKey.asymmetricKeyDetails.modulusLength < 2048) {
    throw new SealCertificateError(`The seal certificate's RSA key (${source}) is shorter than 2048 bits`);
  }
  return { privateKey, certificate, certificates: { signer, others: certificates.filter((der) => der !== signer) } };
}

/** "CN=…, O=…", from Node's one-attribute-per-line form. */
export function subjectOf(certificate: X509Certificate): string {
  return certificate.subject.split("\n").join(", ");
}

/** SHA-256 of the certificate's DER, lowercase hex without separators. */
export function fingerprintOf(certificate: X509Certificate): string {
  return certificate.fingerprint256.replaceAll(":", "").toLowerCase();
}
