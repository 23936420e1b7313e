import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import { AFRelationship, PDFDocument, PDFName, PDFRawStream, type PDFFont, type PDFImage } from "@cantoo/pdf-lib";
import type { Fonts, Weight } from "./fonts";
import { pageContent } from "./content-stream";
import type { PageLayout } from "./layout-model";
import { PAGE } from "./page-geometry";
import { imageSize } from "./signature-marks";

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  creationDate: Date;
  /** Primary language of the document (the catalog /Lang). */
  language: string;
}

export interface RenderInput {
  pages: PageLayout[];
  fonts: Fonts;
  images: Record<string, Uint8Array>;
  metadata: PdfMetadata;
  /** The content the PDF was made from, attached so the document can be checked against it. */
  source?: { name: string; bytes: Uint8Array };
}

const FONT_KEYS: Record<Weight, string> = { regular: "F1", bold: "F2" };
export const SOURCE_ATTACHMENT = "communique.json";

/** The only step that knows pdf-lib: draws laid-out pages, embeds subset fonts and images. */
export async function renderPdf(input: RenderInput): Promise<Uint8Array> {
  const { fonts } = input;
  const doc = await PDFDocument.create({ updateMetadata: false });
  // Hand pdf-lib the fonts parsed once per process instead of letting it parse 7 MB again.
  doc.registerFontkit({ create: (data: Uint8Array) => (data === fonts.bold.bytes ? fonts.bold : fonts.regular).embeddable } as never);
  const tag = subsetTag(input);
  const pdfFonts = {} as Record<Weight, PDFFont>;
  for (const weight of ["regular", "bold"] as const) {
    pdfFonts[weight] = await doc.embedFont(fonts[weight].bytes, {
      subset: true,
      customName: `${tag[weight]}+${fonts[weight].face.name}`,
    });
  }
  const images = new Map<string, { key: string; image: PDFImage }>();
  for (const [id, bytes] of Object.entries(input.images)) {
    const image = imageSize(bytes).format === "png" ? await doc.embedPng(bytes) : await doc.embedJpg(bytes);
    images.set(id, { key: `Im${images.size + 1}`, image });
  }
  const faces = { regular: fonts.regular.face, bold: fonts.bold.face };
  // Words recur on every page; encoding each distinct run once spares the shaper and the heap.
  const encoded = { regular: new Map<string, string>(), bold: new Map<string, string>() };
  const encode = (weight: Weight, text: string) => {
    let hex = encoded[weight].get(text);
    if (hex === undefined) encoded[weight].set(text, (hex = pdfFonts[weight].encodeText(text).toString()));
    return hex;
  };
  for (const layout of input.pages) {
    const page = doc.addPage([PAGE.width, PAGE.height]);
    const { Font, XObject, ExtGState } = page.node.normalizedEntries();
    for (const weight of ["regular", "bold"] as const) Font.set(PDFName.of(FONT_KEYS[weight]), pdfFonts[weight].ref);
    const content = pageContent(layout, {
      faces,
      encode,
      fontKey: (weight) => FONT_KEYS[weight],
      imageKey: (id) => {
        const entry = images.get(id);
        if (!entry) throw new Error(`No image for signature ${id}`);
        XObject.set(PDFName.of(entry.key), entry.image.ref);
        return entry.key;
      },
      multiplyKey: () => {
        ExtGState.set(PDFName.of("GSm"), doc.context.obj({ Type: "ExtGState", BM: "Multiply" }));
        return "GSm";
      },
    });
    // Native zlib: content streams are most of the file and the JS deflater is the slowest step.
    const stream = PDFRawStream.of(doc.context.obj({ Filter: "FlateDecode" }), deflateSync(Buffer.from(content, "latin1"), { level: 3 }));
    page.node.set(PDFName.of("Contents"), doc.context.register(stream));
  }
  const m = input.metadata;
  doc.setTitle(m.title, { showInWindowTitleBar: true });
  doc.setAuthor(m.author);
  doc.setSubject(m.subject);
  doc.setKeywords(m.keywords);
  doc.setCreator("Communiqué typesetter");
  doc.setProducer("Communiqué typesetter");
  doc.setCreationDate(m.creationDate);
  doc.setModificationDate(m.creationDate);
  doc.setLanguage(m.language);
  if (input.source) {
    await doc.attach(input.source.bytes, input.source.name, {
      mimeType: "application/json",
      description: "Structured content this document was typeset from",
      creationDate: m.creationDate,
      modificationDate: m.creationDate,
      afRelationship: AFRelationship.Source,
    });
  }
  return doc.save({ useObjectStreams: true });
}

/** Six capitals per PDF 32000 §9.6.4, derived from the input so renders are reproducible. */
function subsetTag(input: RenderInput): Record<Weight, string> {
  const hash = createHash("sha256").update(input.source?.bytes ?? new Uint8Array()).update(String(input.pages.length)).digest();
  const letters = (offset: number) => Array.from(hash.subarray(offset, offset + 6), (b) => String.fromCharCode(65 + (b % 26))).join("");
  return { regular: letters(0), bold: letters(6) };
}
