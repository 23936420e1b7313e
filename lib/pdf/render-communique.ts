import type { CommuniqueContent, Lang } from "@/lib/communique/content";
import { CERTIFICATE_BLOCK_ID, certificatePages, certificateTexts, type CompletionCertificate } from "./certificate";
import { MissingGlyphsError } from "./errors";
import { loadFonts } from "./fonts";
import { documentFurniture, type DocumentFurniture } from "./furniture";
import { communiqueRows } from "./layout-blocks";
import type { PageLayout, Placed } from "./layout-model";
import { findMissingGlyphs, missingGlyphsIn } from "./missing-glyphs";
import { COLUMNS, HEADER_RULE_Y, TEXT_RIGHT } from "./page-geometry";
import { pourRows } from "./paginate";
import { renderPdf, SOURCE_ATTACHMENT, type PageStream } from "./render";
import { signatureImages, signatureMarks, type SignatureInput } from "./signature-marks";
import type { Faces } from "./typeset-paragraph";

export interface RenderOptions {
  /** Drafts carry a diagonal "ПРОЕКТ 草案" watermark on every page. */
  draft: boolean;
  /** Applied signatures by signatory id. */
  signatures?: Record<string, SignatureInput>;
  metadata?: { title?: string; author?: string; subject?: string; creationDate?: Date };
  /** Attach the content as JSON so the PDF can be checked against it (default true). */
  embedSource?: boolean;
  /**
   * Save for a PAdES seal to be added afterwards: a classic cross-reference table and
   * no object streams, which signature placeholders added by plain text need.
   */
  forSealing?: boolean;
  /** Adds the certificate of completion (approvals and signatures) as the last page(s). */
  certificate?: CompletionCertificate;
}

/** The pure part: content to laid-out pages. */
export function layoutPages(content: CommuniqueContent, options: RenderOptions, faces: Faces): PageLayout[] {
  const source = pageStream(content, options, faces);
  const bodies = [...source.bodies];
  return bodies.map((body, i) => {
    const number = i + 1;
    return { number, body, furniture: source.all(number, bodies.length), rules: source.head(number).rules };
  });
}

/** Pages as they are laid out, one at a time, with their furniture. */
function pageStream(content: CommuniqueContent, options: RenderOptions, faces: Faces): PageStream & { all: DocumentFurniture["all"] } {
  const furniture = documentFurniture(content, options.draft, faces);
  const marks = signatureMarks(options.signatures);
  return {
    bodies: (function* () {
      yield* pourRows(communiqueRows(content, faces, marks));
      if (options.certificate) yield* certificatePages(options.certificate, content, faces);
    })(),
    head: (page) => {
      const lines = furniture.head(page);
      const rules: Placed[] = lines.length
        ? [{ type: "rule", x1: COLUMNS.left.x, x2: TEXT_RIGHT, y: HEADER_RULE_Y, width: 0.4, gray: 0.55, artifact: true }]
        : [];
      return { furniture: lines, rules };
    },
    tail: furniture.tail,
    all: furniture.all,
  };
}

/** Typesets a communiqué revision into a two-column Russian/Japanese PDF. */
export async function renderCommuniquePdf(content: CommuniqueContent, options: RenderOptions): Promise<Uint8Array> {
  const fonts = loadFonts();
  const faces = { regular: fonts.regular.face, bold: fonts.bold.face };
  const missing = [...findMissingGlyphs(content, faces), ...missingGlyphsIn(extraTexts(options), faces)];
  if (missing.length) throw new MissingGlyphsError(missing);
  const title = content.blocks.find((b) => b.kind === "title");
  const m = options.metadata ?? {};
  const json = JSON.stringify(content);
  return renderPdf({
    // Laid out page by page as the renderer asks: a long document is never held whole.
    pages: pageStream(content, options, faces),
    fonts,
    images: signatureImages(options.signatures),
    metadata: {
      title: m.title ?? `${content.shortTitle.ru} / ${content.shortTitle.ja}`,
      author: m.author ?? "Секретариат Встречи мэров / 市長会議事務局",
      subject: m.subject ?? subjectOf(content, title?.kind === "title" ? title.text : undefined),
      keywords: ["коммюнике", "共同コミュニケ", content.meeting.ordinal],
      creationDate: m.creationDate ?? new Date(),
      language: "ru",
    },
    source: options.embedSource === false ? undefined : { name: SOURCE_ATTACHMENT, bytes: Buffer.from(json, "utf8") },
    forSealing: options.forSealing,
    // With the attached source, which the tags are derived from as well.
    subsetSeed: JSON.stringify([options.embedSource === false ? json : "", options.draft, Object.keys(options.signatures ?? {}),
      options.certificate?.revision.hash ?? ""]),
  });
}

/** Texts printed besides the content: typed signatures and the certificate. */
function* extraTexts(options: RenderOptions): Generator<{ blockId: string; lang: Lang; text: string }> {
  for (const [id, sig] of Object.entries(options.signatures ?? {})) {
    if ("typedName" in sig) yield { blockId: `signed:${id}`, lang: "ru", text: sig.typedName };
  }
  if (options.certificate) {
    for (const t of certificateTexts(options.certificate)) yield { blockId: CERTIFICATE_BLOCK_ID, ...t };
  }
}

function subjectOf(content: CommuniqueContent, title?: { ru: string; ja: string }): string {
  const { place, placeDate } = content.signing;
  return `${title?.ru ?? "Коммюнике"}, ${place.ru}, ${placeDate.ru} / ${title?.ja ?? "共同コミュニケ"}、${placeDate.ja}、${place.ja}`;
}
