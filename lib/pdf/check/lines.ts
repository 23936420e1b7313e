import type { Column } from "../page-geometry";
import type { DrawnGlyph } from "./interpret";

/** Glyphs drawn from one text position in one span: a line as the PDF draws it. */
export interface DrawnLine {
  page: number;
  column: Column;
  lang?: string;
  block?: string;
  row?: string;
  y: number;
  glyphs: DrawnGlyph[];
}

export function groupLines(glyphs: DrawnGlyph[], pageWidth: (page: number) => number): DrawnLine[] {
  const lines: DrawnLine[] = [];
  let current: DrawnLine | undefined;
  let currentId = -1;
  for (const g of glyphs) {
    if (g.artifact || !g.upright) continue;
    if (!current || g.lineId !== currentId || g.block !== current.block || g.row !== current.row || g.lang !== current.lang) {
      current = { page: g.page, column: g.x < pageWidth(g.page) / 2 ? "left" : "right", lang: g.lang, block: g.block, row: g.row, y: g.y, glyphs: [] };
      currentId = g.lineId;
      lines.push(current);
    }
    current.glyphs.push(g);
  }
  return lines;
}

export const isBlank = (g: DrawnGlyph) => /^[\s\u00a0\u3000]*$/u.test(g.text) && g.hasUnicode;
export const lineText = (line: DrawnLine) => line.glyphs.map((g) => g.text).join("");
