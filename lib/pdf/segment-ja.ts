/**
 * Japanese text breaks between any two characters, except inside runs that must
 * stay whole: Latin, Cyrillic and digit words (with their inner punctuation, as in
 * "2019" or "G20"), and doubled dashes and leaders. A combining mark (an accent, a
 * combining dakuten, a variation selector) stays with the character it modifies.
 */
const WORD = String.raw`[\p{Script=Latin}\p{Script=Cyrillic}\p{Nd}０-９Ａ-Ｚａ-ｚ]`;
const WORD_CHAR = new RegExp(WORD, "u");
const LETTER = String.raw`${WORD}\p{M}*`;
const WORD_RUN = new RegExp(String.raw`(?:${LETTER})+(?:[.,:'’\-/](?:${LETTER})+)*%?`, "uy");
const MARKS = /\p{M}+/uy;
const DOUBLES = new Set(["——", "――", "……", "‥‥"]);

/**
 * The units of a normalised text as offsets: unit i is text[bounds[i] … bounds[i + 1]),
 * and word[i] tells whether it is a word of several characters (which is set
 * with its own spacing when a line is spread out).
 */
export interface JapaneseUnits {
  text: string;
  bounds: number[];
  word: boolean[];
}

export function japaneseUnits(raw: string): JapaneseUnits {
  const s = raw.replace(/[\t\n\r]+/g, " ").replace(/ {2,}/g, " ").trim();
  const bounds: number[] = [];
  const word: boolean[] = [];
  let i = 0;
  while (i < s.length) {
    bounds.push(i);
    const c = s.charCodeAt(i);
    // Kana, kanji and CJK punctuation (U+3000–U+9FFF) are never part of a word or a doubled mark.
    if (c >= 0x3000 && c <= 0x9fff) { word.push(false); i = afterMarks(s, i + 1); continue; }
    const cp = s.codePointAt(i)!;
    const ch = cp > 0xffff ? s.slice(i, i + 2) : s[i]!;
    if (WORD_CHAR.test(ch)) {
      WORD_RUN.lastIndex = i;
      const m = WORD_RUN.exec(s)![0];
      word.push(afterMarks(s, i + ch.length) < i + m.length);
      i += m.length;
      continue;
    }
    word.push(false);
    i = afterMarks(s, i + (DOUBLES.has(s.slice(i, i + 2)) ? 2 : ch.length));
  }
  bounds.push(s.length);
  return { text: s, bounds, word };
}

/** The offset past the combining marks that start at `i` (`i` itself when there are none). */
function afterMarks(s: string, i: number): number {
  const c = s.charCodeAt(i);
  // Most characters are not marks: skip the regular expression for everything below U+0300.
  if (!(c >= 0x300)) return i;
  MARKS.lastIndex = i;
  return MARKS.exec(s) ? MARKS.lastIndex : i;
}
