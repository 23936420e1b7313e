import type { Block, CommuniqueContent, Lang, TextBlock } from "@/lib/communique/content";
import type { Row, Slice } from "./layout-model";
import { columnWidth, type Column } from "./page-geometry";
import { paragraphSlices } from "./paragraph-slices";
import { participantRows } from "./participants";
import { signatureRows } from "./signature-page";
import type { SignatureMarks } from "./signature-marks";
import { SPACE, STYLES, type ParagraphStyle } from "./style";
import type { Faces } from "./typeset-paragraph";
import { blockParagraph } from "./block-text";

/**
 * The whole communiqué as aligned rows, Russian left and Japanese right, one at a
 * time, block by block, as pagination asks for them: a long document's lines then
 * live only until their page is written.
 */
export function* communiqueRows(content: CommuniqueContent, faces: Faces, marks: SignatureMarks): Generator<Row> {
  let previous: Block["kind"] | undefined;
  for (const block of content.blocks) {
    const spaceBefore = previous === undefined ? 0
      : previous === "title" ? SPACE.afterTitle
      : previous === "meetingLine" ? SPACE.afterMeetingLine
      : SPACE.betweenBlocks;
    if (block.kind === "participants") yield* participantRows(block, faces, spaceBefore);
    else yield textRow(block, faces, spaceBefore);
    previous = block.kind;
  }
  yield* signatureRows(content, faces, marks);
}

function textRow(block: TextBlock, faces: Faces, spaceBefore: number): Row {
  const side = (lang: Lang): Slice[] =>
    paragraphSlices(blockParagraph(block, lang), lang, styleFor(block, lang), faces, columnWidth(lang));
  const sides: Record<Column, Slice[]> = { left: side("ru"), right: side("ja") };
  return {
    id: block.id,
    blockId: block.id,
    sides,
    spaceBefore,
    // Headings stay with what they introduce; the formula stays with the signatures.
    keepWithNext: block.kind === "title" || block.kind === "meetingLine" || block.kind === "formula",
    splittable: block.kind !== "title" && block.kind !== "meetingLine",
  };
}

function styleFor(block: TextBlock, lang: Lang): ParagraphStyle {
  if (block.kind === "title") return STYLES.title(lang);
  if (block.kind === "meetingLine") return STYLES.meetingLine(lang);
  return STYLES.body(lang);
}
