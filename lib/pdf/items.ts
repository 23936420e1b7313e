/** Knuth–Plass items. Widths in points; `glyphs` counts glyphs that letter spacing would widen. */
export interface Box {
  type: "box";
  width: number;
  text: string;
  glyphs: number;
}

export interface Glue {
  type: "glue";
  width: number;
  /** Stretch that counts as "fully stretched" (ratio 1) for badness. */
  stretch: number;
  /** Hard limit of stretch; beyond it letter spacing takes over. */
  maxStretch: number;
  shrink: number;
}

export interface Penalty {
  type: "penalty";
  width: number;
  penalty: number;
  /** Flagged penalties are hyphen breaks; consecutive ones are limited. */
  flagged: boolean;
  /** Drawn at the line end when broken here (a hyphen), not part of the text. */
  text: string;
}

export type Item = Box | Glue | Penalty;

export const INFINITY = 10_000;

export const box = (text: string, width: number, glyphs: number): Box => ({ type: "box", text, width, glyphs });
export const glue = (width: number, stretch: number, maxStretch: number, shrink: number): Glue => ({
  type: "glue", width, stretch, maxStretch, shrink,
});
export const penalty = (width: number, value: number, flagged: boolean, text = ""): Penalty => ({
  type: "penalty", width, penalty: value, flagged, text,
});
