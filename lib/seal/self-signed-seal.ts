import { randomBytes } from "node:crypto";
import forge from "node-forge";

export const SEAL_COMMON_NAME = "Association of Mayors — Communiqué seal";
export const SEAL_ORGANIZATION =
  "Association of Mayors of Siberian and Far Eastern Russian cities and Japanese West-coast cities";

const VALIDITY_YEARS = 10;
/** id-kp-documentSigning (RFC 9336): signing documents, not e-mail or code. */
const DOCUMENT_SIGNING = "1.3.6.1.5.5.7.3.36";

/**
 * A new self-signed seal certificate for the association, as PKCS#12 DER with a random
 * passphrase. The passphrase is stored next to the file, so it protects nothing on its own:
 * it exists because PKCS#12 wants one.
 */
export function createSelfSignedSeal(now = new Date()): { p12: Buffer; passphrase: string } {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  // Random, positive (high bit clear) and never starting with a zero byte.
  const serial = randomBytes(16);
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x40;
  cert.serialNumber = serial.toString("hex");
  // An hour back, so that an instance whose clock runs a little behind still accepts it.
  cert.validity.notBefore = new Date(now.getTime() - 60 * 60 * 1000);
  cert.validity.notAfter = new Date(now);
  cert.validity.notAfter.setUTCFullYear(now.getUTCFullYear() + VALIDITY_YEARS);

  const name = [utf8Field("commonName", SEAL_COMMON_NAME), utf8Field("organizationName", SEAL_ORGANIZATION)];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: "basicConstraints", cA: false, critical: true },
    { name: "keyUsage", digitalSignature: true, nonRepudiation: true, critical: true },
    { name: "extKeyUsage", emailProtection: true, [DOCUMENT_SIGNING]: true },
    { name: "subjectKeyIdentifier" },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());

  const passphrase = randomBytes(32).toString("base64url");
  // No friendlyName: forge writes it into a BMPString without converting it to UTF-16.
  const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], passphrase, {
    algorithm: "aes256",
    generateLocalKeyId: true,
  });
  return { p12: Buffer.from(forge.asn1.toDer(p12).getBytes(), "binary"), passphrase };
}

/** A name attribute as UTF8String (the common name is not ASCII); forge encodes the value itself. */
export function utf8Field(name: string, value: string): forge.pki.CertificateField {
  // The typings call the tag a Class; forge wants the UTF8String type number here.
  return { name, value, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class };
}
