import type { CommuniqueContent } from "@/lib/communique/content";
import { MissingGlyphsError } from "./errors";
import { loadFonts } from "./fonts";
import { furnitureFor } from "./furniture";
import { layoutCommunique } from "./layout-blocks";
import type { PageLayout } from "./layout-model";
import { findMissingGlyphs } from "./missing-glyphs";
import { COLUMNS, HEADER_RULE_Y, TEXT_RIGHT } from "./page-geometry";
import { paginate } from "./paginate";
import { renderPdf, SOURCE_ATTACHMENT } from "./render";
import { signatureMarks, type SignatureInput } from "./signature-marks";
import type { Faces } from "./typeset-paragraph";

export interface RenderOptions {
  /** Drafts carry a diagonal "ПРОЕКТ 草案" watermark on every page. */
  draft: boolean;
  /** Applied signatures by signatory id. */
  signatures?: Record<string, SignatureInput>;
  metadata?: { title?: string; author?: string; subject?: string; creationDate?: Date };
  /** Attach the content as JSON so the PDF can be checked against it (default true). */
  embedSource?: boolean;
}

/** The pure part: content to laid-out pages. */
export function layoutPages(content: CommuniqueContent, options: RenderOptions, faces: Faces): PageLayout[] {
  const rows = layoutCommunique(content, faces, signatureMarks(options.signatures));
  const bodies = paginate(rows);
  return bodies.map((body, i) => {
    const number = i + 1;
    const furniture = furnitureFor(content, number, bodies.length, options.draft, faces);
    const rules = furniture.some((f) => f.kind === "Header")
      ? [{ type: "rule" as const, x1: COLUMNS.left.x, x2: TEXT_RIGHT, y: HEADER_RULE_Y, width: 0.4, gray: 0.55, artifact: true }]
      : [];
    return { number, body, furniture, rules };
  });
}

/** Typesets a communiqué revision into a two-column Russian/Japanese PDF. */
export async function renderCommuniquePdf(content: CommuniqueContent, options: RenderOptions): Promise<Uint8Array> {
  const fonts = loadFonts();
  const faces = { regular: fonts.regular.face, bold: fonts.bold.face };
  const missing = findMissingGlyphs(content, faces);
  if (missing.length) throw new MissingGlyphsError(missing);
  const pages = layoutPages(content, options, faces);
  const title = content.blocks.find((b) => b.kind === "title");
  const m = options.metadata ?? {};
  return renderPdf({
    pages,
    fonts,
    images: Object.fromEntries(Object.entries(options.signatures ?? {}).map(([id, s]) => [id, s.image])),
    metadata: {
      title: m.title ?? `${content.shortTitle.ru} / ${content.shortTitle.ja}`,
      author: m.author ?? "Секретариат Встречи мэров / 市長会議事務局",
      subject: m.subject ?? subjectOf(content, title?.kind === "title" ? title.text : undefined),
      keywords: ["коммюнике", "共同コミュニケ", content.meeting.ordinal],
      creationDate: m.creationDate ?? new Date(),
      language: "ru",
    },
    source: options.embedSource === false ? undefined : { name: SOURCE_ATTACHMENT, bytes: new TextEncoder().encode(JSON.stringify(content)) },
  });
}

function subjectOf(content: CommuniqueContent, title?: { ru: string; ja: string }): string {
  const { place, placeDate } = content.signing;
  return `${title?.ru ?? "Коммюнике"}, ${place.ru}, ${placeDate.ru} / ${title?.ja ?? "共同コミュニケ"}、${placeDate.ja}、${place.ja}`;
}
