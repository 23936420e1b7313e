import type { Lang } from "@/lib/communique/content";
import type { Weight } from "./fonts";

/** Text drawn from `x` (points from the line's left edge) with the line's letter spacing. */
export interface Run {
  text: string;
  x: number;
  /** Overrides the line's letter spacing (Japanese word runs are not spaced out). */
  letterSpacing?: number;
}

/** One set line: every glyph position is decided here, the renderer only draws. */
export interface TypesetLine {
  lang: Lang;
  weight: Weight;
  size: number;
  gray: number;
  runs: Run[];
  /** Extra advance after each glyph, in points (PDF Tc). */
  letterSpacing: number;
  /** Where a line-end hyphen is drawn; it is typographic, not part of the text. */
  hyphenAt?: number;
  /** Right edge of the last glyph. */
  width: number;
  /** Stretched or squeezed to the full measure. */
  justified: boolean;
}
