import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { PDFDocument, StandardFonts } from "@cantoo/pdf-lib";
import forge from "node-forge";
import { utf8Field } from "./self-signed-seal";

// Helpers for the seal tests only.

/** A small communiqué-like PDF, saved as the PDF engine will save it for sealing. */
export async function makePdf(options: { objectStreams?: boolean; pages?: number; paddingBytes?: number } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  // Random bytes do not compress: a file of a chosen size, as large seal images make it.
  if (options.paddingBytes) doc.context.register(doc.context.stream(randomBytes(options.paddingBytes)));
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

/**
 * poppler's verdict on a file, as the independent check of the in-process verifier: "valid"
 * when it reports exactly one signature that is valid over the whole document.
 */
export async function pdfsigVerdict(file: string): Promise<"valid" | "not valid"> {
  let stdout: string;
  try {
    stdout = await pdfsigOutput(file);
  } catch (error) {
    // pdfsig exits non-zero for unsigned or unreadable files; its output still tells.
    stdout = String((error as { stdout?: string }).stdout ?? "");
  }
  const signatures = stdout.split(/^Signature #\d+:\s*$/m).slice(1);
  // The field name is printed first and could fake lines: pdfsig's own lines come last.
  const last = (block: string, label: string) => [...block.matchAll(new RegExp(`^\\s+- ${label}: (.*)$`, "gm"))].pop()?.[1]?.trim();
  const [only] = signatures;
  if (!only || signatures.length !== 1) return "not valid";
  const covers = [...only.matchAll(/^\s+- (Not total|Total) document signed\s*$/gim)].pop()?.[1] === "Total";
  return last(only, "Signature Validation") === "Signature is Valid." && covers ? "valid" : "not valid";
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

/**
 * A PDF whose form field tree loops (each field lists the next as its kid, the last the
 * first) with `fields` fields, and one signature whose value is not a real signature: the kind
 * of upload that kept an outside validator walking the tree until it was killed.
 */
export function makeLoopingFieldTreePdf(fields = 1450): Buffer {
  const objects: string[] = [];
  const first = 4;
  objects[1] = `<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [${first} 0 R] /SigFlags 3 >> >>`;
  objects[2] = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
  objects[3] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>";
  const sig = first + fields;
  for (let i = 0; i < fields; i++) {
    const next = first + ((i + 1) % fields);
    const parent = first + ((i + fields - 1) % fields);
    objects[first + i] = `<< /FT /Sig /T (field ${i}) /Parent ${parent} 0 R /Kids [${next} 0 R ${parent} 0 R] /V ${sig} 0 R >>`;
  }
  objects[sig] = `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange [0 10 20 30] /Contents <${"00".repeat(64)}> >>`;
  let body = "%PDF-1.7\n";
  const offsets: number[] = [];
  for (let n = 1; n < objects.length; n++) {
    offsets[n] = body.length;
    body += `${n} 0 obj\n${objects[n]}\nendobj\n`;
  }
  const xref = body.length;
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let n = 1; n < objects.length; n++) body += `${String(offsets[n]).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}
