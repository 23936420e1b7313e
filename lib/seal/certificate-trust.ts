import { X509Certificate } from "node:crypto";
import { rootCertificates } from "node:tls";

/** How many certificates a chain may have, the signer's included. */
const MAX_CHAIN = 8;

let systemRoots: X509Certificate[] | undefined;

/**
 * Whether the signer's certificate chains, through the certificates embedded with it, to a
 * root that Node trusts (its bundled Mozilla store), every certificate valid at `at`. The
 * association's self-signed seal never does: the verify page compares its fingerprint.
 */
export function chainsToTrustedRoot(signer: X509Certificate, embedded: X509Certificate[], at = new Date()): boolean {
  systemRoots ??= rootCertificates.map((pem) => new X509Certificate(pem));
  const validAt = (cert: X509Certificate) => new Date(cert.validFrom) <= at && at <= new Date(cert.validTo);
  const issues = (issuer: X509Certificate, cert: X509Certificate) => cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
  let current = signer;
  for (let length = 1; length <= MAX_CHAIN; length++) {
    if (!validAt(current)) return false;
    if (systemRoots.some((root) => root.fingerprint256 === current.fingerprint256 || (validAt(root) && issues(root, current)))) return true;
    const next = embedded.find((cert) => cert.fingerprint256 !== current.fingerprint256 && issues(cert, current));
    if (!next) return false;
    current = next;
  }
  return false;
}
