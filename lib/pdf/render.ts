import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import { AFRelationship, PDFDocument, PDFName, PDFPage, PDFRawStream, type PDFFont, type PDFImage, type PDFRef } from "@cantoo/pdf-lib";
import type { Fonts, Weight } from "./fonts";
import {
  ByteWriter, newTextState, runEncoder, writePageHead, writePageTail, type ContentResources, type TextState,
} from "./content-stream";
import type { FurnitureLine, PageLayout, Placed } from "./layout-model";
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

/**
 * Pages as they are laid out, for a document too long to hold whole: each body is
 * written as soon as it comes, the furniture that needs the page count at the end.
 */
export interface PageStream {
  bodies: Iterable<Placed[]>;
  /** Furniture drawn before the body (the running header) and rules, for a page number. */
  head(page: number): { furniture: FurnitureLine[]; rules: Placed[] };
  /** Furniture drawn after it (page numbers, the watermark). */
  tail(page: number, total: number): FurnitureLine[];
}

export interface RenderInput {
  pages: PageLayout[] | PageStream;
  fonts: Fonts;
  images: Record<string, Uint8Array>;
  metadata: PdfMetadata;
  /** The content the PDF was made from, attached so the document can be checked against it. */
  source?: { name: string; bytes: Uint8Array };
  /** Save without object streams, as signature placeholders (PAdES sealing) need a classic cross-reference table. */
  forSealing?: boolean;
  /** What the font subset tags are derived from (default: the source and the page count). */
  subsetSeed?: string;
}

const FONT_KEYS: Record<Weight, string> = { regular: "F1", bold: "F2" };
export const SOURCE_ATTACHMENT = "communique.json";

/** The only step that knows pdf-lib: draws laid-out pages, embeds subset fonts and images. */
export async function renderPdf(input: RenderInput): Promise<Uint8Array> {
  const { fonts } = input;
  const doc = await PDFDocument.create({ updateMetadata: false });
  // Font programs, ToUnicode maps, images and the attachment go through native zlib too:
  // pdf-lib's JavaScript deflater costs more than the typesetting of a long document. Font
  // programs and ToUnicode maps (the streams without a /Type) at level 3, as the pages:
  // level 6 takes half as long again for 1–2 % fewer bytes. Images and the attached source
  // (repetitive JSON) shrink much more from level 4 on; 6 would take twice as long.
  const { context } = doc;
  context.flateStream = (contents, dict = {}) => {
    const bytes = typeof contents === "string" ? Buffer.from(contents, "latin1") : contents;
    const type = (dict as { Type?: unknown }).Type;
    const level = type === undefined ? 3 : type === "EmbeddedFile" ? 4 : 6;
    return context.stream(deflateSync(bytes, { level }), { ...dict, Filter: "FlateDecode" });
  };
  // Hand pdf-lib the fonts parsed once per process instead of letting it parse 7 MB again.
  doc.registerFontkit({ create: (data: Uint8Array) => (data === fonts.bold.bytes ? fonts.bold : fonts.regular).embeddable } as never);
  const stream = Array.isArray(input.pages) ? streamOf(input.pages) : input.pages;
  const tag = subsetTag(input.subsetSeed ?? `${Array.isArray(input.pages) ? input.pages.length : ""}`, input.source?.bytes);
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
  // Characters recur on every page; each is encoded (and measured) once per document.
  const encoders = {
    regular: runEncoder(fonts.regular.face, (ch) => pdfFonts.regular.encodeText(ch).asString()),
    bold: runEncoder(fonts.bold.face, (ch) => pdfFonts.bold.encodeText(ch).asString()),
  };
  // Pages are appended to the root page tree directly: addPage walks every page already
  // there to find the insertion point, which is quadratic in a long document.
  const pagesRef = doc.catalog.get(PDFName.of("Pages")) as PDFRef;
  const pageTree = doc.catalog.Pages();
  const writer = new ByteWriter();
  // Each page's header and body are written (and its content stream numbered) as soon as it
  // is laid out; the rest, and the deflating, once the page count is known.
  const written: { page: PDFPage; ref: PDFRef; head: Uint8Array; state: TextState; resources: ContentResources }[] = [];
  for (const body of stream.bodies) {
    const number = written.length + 1;
    const page = PDFPage.create(doc);
    page.setSize(PAGE.width, PAGE.height);
    pageTree.pushLeafNode(page.ref);
    page.node.setParent(pagesRef);
    const ref = context.nextRef();
    const { Font, XObject, ExtGState } = page.node.normalizedEntries();
    for (const weight of ["regular", "bold"] as const) Font.set(PDFName.of(FONT_KEYS[weight]), pdfFonts[weight].ref);
    const resources: ContentResources = {
      encoder: (weight) => encoders[weight],
      fontKey: (weight) => FONT_KEYS[weight],
      imageKey: (id) => {
        const entry = images.get(id);
        if (!entry) throw new Error(`No image for signature ${id}`);
        XObject.set(PDFName.of(entry.key), entry.image.ref);
        return entry.key;
      },
      multiplyKey: () => {
        ExtGState.set(PDFName.of("GSm"), context.obj({ Type: "ExtGState", BM: "Multiply" }));
        return "GSm";
      },
    };
    const head = stream.head(number);
    const state = newTextState();
    writer.reset();
    writePageHead(writer, head.furniture, head.rules, body, resources, state);
    written.push({ page, ref, head: writer.bytes().slice(), state, resources });
  }
  for (const [i, w] of written.entries()) {
    writer.reset();
    writer.append(w.head);
    writePageTail(writer, stream.tail(i + 1, written.length), w.resources, w.state);
    // Native zlib: content streams are most of the file and the JS deflater is the slowest step.
    context.assign(w.ref, PDFRawStream.of(context.obj({ Filter: "FlateDecode" }), deflateSync(writer.bytes(), { level: 3 })));
    w.page.node.set(PDFName.of("Contents"), w.ref);
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
  // No yielding to the event loop every 50 objects: each yield is a timer of a millisecond or more.
  return doc.save({ useObjectStreams: !input.forSealing, addDefaultPage: false, objectsPerTick: Number.POSITIVE_INFINITY });
}

function streamOf(pages: PageLayout[]): PageStream {
  return {
    bodies: pages.map((p) => p.body),
    head: (n) => ({ furniture: pages[n - 1]!.furniture, rules: pages[n - 1]!.rules }),
    tail: (n) => pages[n - 1]!.furniture,
  };
}

/** Six capitals per PDF 32000 §9.6.4, derived from the input so renders are reproducible. */
function subsetTag(seed: string, source: Uint8Array | undefined): Record<Weight, string> {
  const hash = createHash("sha256").update(source ?? new Uint8Array()).update(seed).digest();
  const letters = (offset: number) => Array.from(hash.subarray(offset, offset + 6), (b) => String.fromCharCode(65 + (b % 26))).join("");
  return { regular: letters(0), bold: letters(6) };
}
