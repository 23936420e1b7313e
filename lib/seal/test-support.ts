import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { PDFDocument, StandardFonts } from "@cantoo/pdf-lib";
import forge from "node-forge";
import { utf8Field } from "./self-signed-seal";

// Helpers for the seal tests only.

/** A small communiqué-like PDF, saved as the PDF engine will save it for sealing. */
export async function makePdf(options: { objectStreams?: boolean; pages?: number } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < (options.pages ?? 1); p++) {
    const page = doc.addPage();
    page.drawText(`Joint communique - page ${p + 1}`, { x: 50, y: 780, font, size: 16 });
    for (let line = 0; line < 40; line++) {
      page.drawText(`Clause ${line + 1}. The mayors agree to cooperate on item ${line + 1}.`, { x: 50, y: 740 - line * 17, font, size: 11 });
    }
  }
  return doc.save({ useObjectStreams: options.objectStreams ?? false });
}

/**
 * A PKCS#12 file as a CA would issue it: a leaf with a non-ASCII name, signed by a test CA
 * that the file carries along. With `withCa: false`, only the leaf, self-signed.
 */
export function makeP12(passphrase: string, options: { withCa?: boolean; withKey?: boolean } = {}) {
  const leafKeys = forge.pki.rsa.generateKeyPair({ bits: 2048 });
  const leafName = [utf8Field("commonName", "Городская печать — 市の印"), utf8Field("organizationName", "Test Seal Authority")];
  const leaf = certificate(leafKeys.publicKey, leafName, false);
  const chain = [leaf];
  if (options.withCa ?? true) {
    const caKeys = forge.pki.rsa.generateKeyPair({ bits: 2048 });
    const caName = [utf8Field("commonName", "Test Root CA")];
    const ca = certificate(caKeys.publicKey, caName, true);
    ca.setIssuer(caName);
    ca.sign(caKeys.privateKey, forge.md.sha256.create());
    leaf.setIssuer(caName);
    leaf.sign(caKeys.privateKey, forge.md.sha256.create());
    chain.push(ca);
  } else {
    leaf.setIssuer(leafName);
    leaf.sign(leafKeys.privateKey, forge.md.sha256.create());
  }
  const key = (options.withKey ?? true) ? leafKeys.privateKey : null;
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, chain, passphrase, { algorithm: "aes256" });
  const leafDer = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(leaf)).getBytes(), "binary");
  return { p12: Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary"), leafDer };
}

function certificate(publicKey: forge.pki.PublicKey, subject: forge.pki.CertificateField[], ca: boolean) {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = `4${randomBytes(8).toString("hex")}`;
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 365 * 86_400_000);
  cert.setSubject(subject);
  cert.setExtensions(
    ca
      ? [{ name: "basicConstraints", cA: true, critical: true }, { name: "keyUsage", keyCertSign: true, critical: true }]
      : [{ name: "keyUsage", digitalSignature: true, nonRepudiation: true, critical: true }],
  );
  return cert;
}

/** pdfsig's own report, as an operator would read it. */
export async function pdfsigOutput(file: string): Promise<string> {
  const { stdout } = await promisify(execFile)("pdfsig", ["-no-ocsp", file], { env: { ...process.env, LC_ALL: "C", TZ: "UTC" } });
  return stdout;
}

/** Mulberry32: a small seeded generator, so that a failing case can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
