/** Knuth–Plass items. Widths in points; `glyphs` counts glyphs that letter spacing would widen. */
export interface Box {
  type: "box";
  width: number;
  text: string;
  glyphs: number;
  /**
   * On the first box of a word whose items (boxes and the hyphenation penalties between
   * them) follow it: the whole word, so a line holding all of it takes the text as is.
   */
  word: WordText | null;
}

export interface WordText {
  text: string;
  /** The word and the space after it, as a run of text ending at a word space reads. */
  spaced: string;
  /** How many items the word has, this box included. */
  items: number;
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

/*
 * Every item is made with the same fields in the same order, whatever its type, so the
 * breakers' loops over them see one object shape (the unused fields are zero or null).
 */
export const box = (text: string, width: number, glyphs: number): Box =>
  ({ type: "box", width, stretch: 0, maxStretch: 0, shrink: 0, glyphs, penalty: 0, flagged: false, text, word: null }) as Box;
export const glue = (width: number, stretch: number, maxStretch: number, shrink: number): Glue =>
  ({ type: "glue", width, stretch, maxStretch, shrink, glyphs: 0, penalty: 0, flagged: false, text: "", word: null }) as Glue;
export const penalty = (width: number, value: number, flagged: boolean, text = ""): Penalty =>
  ({ type: "penalty", width, stretch: 0, maxStretch: 0, shrink: 0, glyphs: 0, penalty: value, flagged, text, word: null }) as Penalty;
