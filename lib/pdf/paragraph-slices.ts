import type { Lang } from "@/lib/communique/content";
import type { Slice } from "./layout-model";
import { ascentOf } from "./measure";
import type { ParagraphStyle } from "./style";
import { typesetParagraph, type Faces } from "./typeset-paragraph";
import type { TypesetLine } from "./line";

/**
 * A paragraph as page-breakable slices, one per line. The first baseline sits one
 * font ascent below the slice top, so two columns set in the same size start at the
 * same height whatever their leading.
 */
export function paragraphSlices(
  text: string, lang: Lang, style: ParagraphStyle, faces: Faces, width: number, x = 0,
): Slice[] {
  return linesToSlices(typesetParagraph(text, lang, style, faces, width), style, faces, x);
}

export function linesToSlices(lines: TypesetLine[], style: ParagraphStyle, faces: Faces, x = 0): Slice[] {
  const ascent = ascentOf(faces[style.weight], style.size);
  return lines.map((line) => ({ height: style.leading, items: [{ type: "line", line, x, y: ascent }] }));
}

/** Several column-internal paragraphs side by side (a table row) as one unbreakable slice. */
export function cellSlice(
  cells: { text: string; lang: Lang; style: ParagraphStyle; x: number; width: number }[], faces: Faces,
): Slice {
  const slice: Slice = { height: 0, items: [] };
  for (const cell of cells) {
    const lines = typesetParagraph(cell.text, cell.lang, cell.style, faces, cell.width);
    const ascent = ascentOf(faces[cell.style.weight], cell.style.size);
    lines.forEach((line, i) => slice.items.push({ type: "line", line, x: cell.x, y: ascent + i * cell.style.leading }));
    slice.height = Math.max(slice.height, lines.length * cell.style.leading);
  }
  return slice;
}
