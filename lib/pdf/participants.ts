import type { Lang, ParticipantsBlock } from "@/lib/communique/content";
import type { Row, Slice } from "./layout-model";
import { columnWidth, type Column } from "./page-geometry";
import { cellSlice, paragraphSlices } from "./paragraph-slices";
import { measure } from "./measure";
import { SPACE, STYLES } from "./style";
import type { Faces } from "./typeset-paragraph";

/** Names take the right part of the column, as wide as the longest name needs, within these bounds. */
const NAME_MIN = 0.3;
const NAME_MAX = 0.45;
const CELL_GAP = 10;

/**
 * The participant list: an intro line, then per side a heading and title–name rows.
 * Every row is aligned across the columns (row n in Russian beside row n in
 * Japanese) and headings keep with their first row.
 */
export function participantRows(block: ParticipantsBlock, faces: Faces, spaceBefore: number): Row[] {
  const both = (make: (lang: Lang) => Slice[]): Record<Column, Slice[]> => ({ left: make("ru"), right: make("ja") });
  const nameWidth = (lang: Lang) => {
    const style = STYLES.cell(lang);
    const widest = Math.max(0, ...block.groups.flatMap((g) => g.rows.map((r) => measure(faces[style.weight], style.size, r.name[lang]))));
    return Math.min(NAME_MAX * columnWidth(lang), Math.max(NAME_MIN * columnWidth(lang), Math.ceil(widest) + 1));
  };
  const nameWidths = { ru: nameWidth("ru"), ja: nameWidth("ja") };
  const rows: Row[] = [{
    id: `${block.id}#intro`, blockId: block.id, spaceBefore, keepWithNext: true, splittable: true,
    sides: both((lang) => paragraphSlices(block.intro[lang], lang, STYLES.body(lang), faces, columnWidth(lang))),
  }];
  block.groups.forEach((group, g) => {
    rows.push({
      id: `${block.id}#${g}`, blockId: block.id, spaceBefore: SPACE.betweenRows * 2, keepWithNext: true, splittable: true,
      sides: both((lang) => paragraphSlices(group.heading[lang], lang, STYLES.heading(lang), faces, columnWidth(lang))),
    });
    group.rows.forEach((row, r) => {
      rows.push({
        id: `${block.id}#${g}.${r}`, blockId: block.id, spaceBefore: SPACE.betweenRows, keepWithNext: false, splittable: false,
        sides: both((lang) => [cellSlice([
          { text: row.title[lang], lang, style: STYLES.cell(lang), x: 0, width: columnWidth(lang) - nameWidths[lang] - CELL_GAP },
          { text: row.name[lang], lang, style: STYLES.cell(lang), x: columnWidth(lang) - nameWidths[lang], width: nameWidths[lang] },
        ], faces)]),
      });
    });
  });
  return rows;
}
