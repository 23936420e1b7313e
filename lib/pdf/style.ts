import type { Lang } from "@/lib/communique/content";
import { BODY_SIZE } from "./page-geometry";
import type { Weight } from "./fonts";

export type Align = "justify" | "left" | "center" | "right";

/** How one paragraph is set; everything the breakers need besides the text. */
export interface ParagraphStyle {
  weight: Weight;
  size: number;
  leading: number;
  align: Align;
  /** First-line indent in points. */
  indent: number;
  /** Extra space after every glyph, in ems (titles are tracked). */
  tracking: number;
  /** Grey level 0 (black) … 1 (white). */
  gray: number;
  /** Russian words may be hyphenated at line ends (default); names should not be. */
  hyphenate?: boolean;
}

/**
 * Russian runs about 1.7 times longer than the same text in Japanese, so the two
 * columns are balanced by type rather than by width: Russian 10/14, Japanese at the
 * customary 10.5 pt on an 18 pt line pitch.
 */
const SIZE: Record<Lang, number> = { ru: 10, ja: BODY_SIZE };
const LEADING: Record<Lang, number> = { ru: 14, ja: 18 };

const body = (lang: Lang): ParagraphStyle => ({
  weight: "regular",
  size: SIZE[lang],
  leading: LEADING[lang],
  align: "justify",
  // Russian official prose indents the first line; Japanese indents one full em.
  indent: lang === "ru" ? 1.5 * SIZE.ru : SIZE.ja,
  tracking: 0,
  gray: 0,
});

export const STYLES = {
  body,
  title: (lang: Lang): ParagraphStyle => ({
    ...body(lang), weight: "bold", size: 16, leading: 20, align: "center", indent: 0,
    tracking: lang === "ru" ? 0.1 : 0.06,
  }),
  meetingLine: (lang: Lang): ParagraphStyle => ({
    ...body(lang), weight: "bold", size: 11, leading: lang === "ru" ? 15 : 17, align: "center", indent: 0,
  }),
  heading: (lang: Lang): ParagraphStyle => ({ ...body(lang), weight: "bold", align: "left", indent: 0 }),
  cell: (lang: Lang): ParagraphStyle => ({ ...body(lang), align: "left", indent: 0, leading: lang === "ru" ? 13 : 15 }),
  signatureTitle: (lang: Lang): ParagraphStyle => ({ ...body(lang), size: 9.5, leading: 12.5, align: "left", indent: 0 }),
  signatureSecond: (lang: Lang): ParagraphStyle => ({
    ...body(lang), size: 8.5, leading: 11, align: "left", indent: 0, gray: 0.35,
  }),
  signatureName: (lang: Lang): ParagraphStyle => ({ ...body(lang), weight: "bold", size: 10, leading: 13, align: "right", indent: 0 }),
  furniture: (lang: Lang): ParagraphStyle => ({ ...body(lang), size: 8, leading: 10, align: "center", indent: 0, gray: 0.4 }),
} as const;

/** Vertical rhythm between blocks, in points. */
export const SPACE = {
  afterTitle: 8,
  afterMeetingLine: 14,
  betweenBlocks: 7.5,
  betweenRows: 3,
  beforeSignatures: 16,
  betweenSignatureRows: 14,
} as const;

/** Justification limits for Russian, in ems of the line's type size. */
export const RU_SPACING = { min: 0.25, natural: 0.3, ideal: 0.55, max: 1, maxLetterSpacing: 0.02 } as const;
