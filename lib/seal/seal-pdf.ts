import { randomBytes, sign } from "node:crypto";
import { plainAddPlaceholder } from "@signpdf/placeholder-plain";
import { SignPdf, Signer } from "@signpdf/signpdf";
import { checkContainer, rangesOfOwnSeal } from "./check-container";
import { buildSignedData, sha256, signedAttributes } from "./cms";
import { openP12, type SigningMaterial } from "./open-p12";
import { getSealCertificate, type SealCertificate } from "./seal-certificate";

/**
 * Room for the CMS in /Contents, in bytes. The self-signed seal needs about 1.5 KB; the rest
 * is for a configured certificate with its chain.
 */
export const SIGNATURE_LENGTH = 16384;

export class SealPdfError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SealPdfError";
  }
}

export interface SealOptions {
  reason: string;
  location: string;
  name: string;
  contactInfo?: string;
  /** Defaults to getSealCertificate(). */
  certificate?: SealCertificate;
}

/**
 * Seals a final PDF with a PAdES signature (ETSI.CAdES.detached) over the whole file. The PDF
 * must have a classic cross-reference table and no object streams (render it for sealing):
 * the placeholder is appended as an incremental update by plain text manipulation.
 */
export async function sealPdf(pdf: Uint8Array, options: SealOptions): Promise<Uint8Array> {
  const input = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  assertSealable(input);
  const texts = {
    reason: new DictionaryText("reason", options.reason),
    location: new DictionaryText("location", options.location),
    name: new DictionaryText("name", options.name),
    contactInfo: new DictionaryText("contactInfo", options.contactInfo ?? ""),
  };
  const certificate = options.certificate ?? (await getSealCertificate());
  const material = openP12(certificate.p12, certificate.passphrase, "seal certificate");

  let withPlaceholder = plainAddPlaceholder({
    pdfBuffer: input,
    reason: texts.reason.placeholder,
    location: texts.location.placeholder,
    name: texts.name.placeholder,
    contactInfo: texts.contactInfo.placeholder,
    // Goes into /M of the signature dictionary: PAdES keeps the claimed time there (signed).
    signingTime: new Date(),
    signatureLength: SIGNATURE_LENGTH,
    subFilter: "ETSI.CAdES.detached",
  });
  for (const text of Object.values(texts)) withPlaceholder = text.fillIn(withPlaceholder);
  const sealed = await new SignPdf().sign(withPlaceholder, new SealSigner(material));

  // Never hand out a seal that this app's own verification would reject.
  const check = checkContainer(sealed, rangesOfOwnSeal(sealed));
  if (!check.ok) throw new SealPdfError(`The new seal does not verify: ${check.problem}`);
  return sealed;
}

/** Signs the byte ranges that @signpdf/signpdf hands over; see cms.ts for the form. */
class SealSigner extends Signer {
  constructor(private readonly material: SigningMaterial) {
    super();
  }

  override async sign(signedBytes: Buffer): Promise<Buffer> {
    const digest = sha256(signedBytes);
    const { certificates, privateKey } = this.material;
    const signature = sign("sha256", signedAttributes(certificates, digest), privateKey);
    return buildSignedData(certificates, digest, signature);
  }
}

function assertSealable(pdf: Buffer): void {
  const text = pdf.toString("latin1");
  if (!text.startsWith("%PDF-")) throw new SealPdfError("Not a PDF: it does not start with %PDF-");
  if (/\/Type\s*\/ObjStm\b/.test(text)) {
    throw new SealPdfError("The PDF uses object streams; render it for sealing (saved with useObjectStreams: false)");
  }
  // The placeholder is written against the last classic xref table and trailer.
  if (!/\bstartxref\s+\d+\s+%%EOF\s*$/.test(text) || text.lastIndexOf("trailer") === -1 || !/(^|\s)xref\s/.test(text)) {
    throw new SealPdfError("The PDF has no classic cross-reference table and trailer; render it for sealing");
  }
  if (/\/Encrypt\b/.test(text)) throw new SealPdfError("The PDF is encrypted; seal it before any encryption");
  if (/\/ByteRange\b/.test(text)) throw new SealPdfError("The PDF is already signed; a communiqué gets exactly one seal");
}

/**
 * A text of the signature dictionary (/Reason, /Name, …). @signpdf's plain placeholder writes
 * PDF strings through UTF-8, which garbles the UTF-16 it uses for non-ASCII text, so such a
 * text goes in as a unique ASCII marker and is then replaced, byte count for byte count (the
 * cross-reference offsets are already written), by a UTF-16BE hex string and as many spaces
 * as make up the difference.
 */
class DictionaryText {
  readonly placeholder: string;
  private readonly hex: string | null;

  constructor(field: string, value: string) {
    if (value.length > 500) throw new SealPdfError(`The seal's ${field} is longer than 500 characters`);
    if (/^[\x20-\x7e]*$/.test(value)) {
      // Plain ASCII goes through as it is; @signpdf escapes ( ) and \\ itself.
      this.placeholder = value;
      this.hex = null;
      return;
    }
    const utf16 = Buffer.from(`\ufeff${value}`, "utf16le").swap16().toString("hex");
    // 32 random hex digits at least, so that the marker cannot occur anywhere else.
    this.placeholder = randomBytes(Math.max(16, Math.ceil(utf16.length / 2))).toString("hex");
    this.hex = `<${utf16}>`.padEnd(this.placeholder.length + 2, " ");
  }

  fillIn(pdf: Buffer): Buffer {
    if (this.hex === null) return pdf;
    const marker = Buffer.from(`(${this.placeholder})`, "latin1");
    const at = pdf.indexOf(marker);
    if (at === -1 || pdf.indexOf(marker, at + 1) !== -1) throw new SealPdfError("Cannot place a text in the seal's dictionary");
    return Buffer.concat([pdf.subarray(0, at), Buffer.from(this.hex, "latin1"), pdf.subarray(at + marker.length)]);
  }
}
