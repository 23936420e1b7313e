import type { Lang } from "@/lib/communique/content";

/**
 * The page grid, in PDF points with the origin at the bottom left. The Japanese
 * column is exactly 21 ems of its body type, so Japanese lines sit on a character
 * grid and justification only absorbs kinsoku moves; the Russian column, whose text
 * runs longer, gets the rest of the measure.
 */
export const MM = 72 / 25.4;

export const PAGE = { width: 595.28, height: 841.89 } as const;

export const BODY_SIZE = 10.5;
export const MARGIN_X = 19 * MM;
export const GUTTER = 9 * MM;
const JA_WIDTH = 21 * BODY_SIZE;
const RU_WIDTH = PAGE.width - 2 * MARGIN_X - GUTTER - JA_WIDTH;

export const BODY_TOP = PAGE.height - 24 * MM;
export const BODY_BOTTOM = 22 * MM;

export type Column = "left" | "right";

export const COLUMNS: Record<Column, { x: number; width: number }> = {
  left: { x: MARGIN_X, width: RU_WIDTH },
  right: { x: MARGIN_X + RU_WIDTH + GUTTER, width: JA_WIDTH },
};

/** Russian is always the left column, Japanese the right. */
export const COLUMN_OF: Record<Lang, Column> = { ru: "left", ja: "right" };

export function columnWidth(lang: Lang): number {
  return COLUMNS[COLUMN_OF[lang]].width;
}

export const TEXT_RIGHT = MARGIN_X + RU_WIDTH + GUTTER + JA_WIDTH;

/** Running header and footer baselines, outside the body frame. */
export const HEADER_BASELINE = PAGE.height - 14 * MM;
export const HEADER_RULE_Y = HEADER_BASELINE - 2.2 * MM;
export const FOOTER_BASELINE = 12 * MM;
