import type { Lang } from "@/lib/communique/content";
import type { FontFace } from "./measure";
import type { Weight } from "./fonts";
import type { TypesetLine } from "./line";
import type { ParagraphStyle } from "./style";
import { typesetJapanese } from "./break-ja";
import { typesetRussian } from "./typeset-ru";

/** The faces the typesetter may use, by weight; real ones in production, fixed-width fakes in tests. */
export type Faces = Record<Weight, FontFace>;

export function typesetParagraph(
  text: string,
  lang: Lang,
  style: ParagraphStyle,
  faces: Faces,
  width: number,
): TypesetLine[] {
  const face = faces[style.weight];
  return lang === "ru" ? typesetRussian(text, style, face, width) : typesetJapanese(text, style, face, width);
}
