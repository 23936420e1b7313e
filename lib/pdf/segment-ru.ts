import LineBreaker from "linebreak";

const NBSP = "\u00a0";
const ONE_LETTER = new Set(Array.from("вВсСиИкКоОуУаАяЯ", (c) => c.charCodeAt(0)));
/** Abbreviations tied to the word or number after them (when not the end of a longer word). */
const BEFORE = ["г.", "гг.", "т.", "ст.", "№", "п."];
/** Abbreviations tied to the number before them. */
const AFTER_NUMBER = ["г.", "гг.", "тыс.", "млн.", "млрд."];
const SPACE = 0x20;
const DOT = 0x2e;
const HYPHEN = 0x2d;
const NUMERO = 0x2116;
/** Stands for "no character" and for a broken surrogate pair: it is nothing the rules look for. */
const NONE = -1;
const LETTER_RE = /^\p{L}$/u;
const NUMBER_RE = /^\p{N}$/u;
const UPPER_RE = /^\p{Lu}$/u;

/** Unicode letter tests on code points, the common Cyrillic and ASCII cases without a regular expression. */
function isLetter(cp: number): boolean {
  if ((cp >= 0x430 && cp <= 0x44f) || (cp >= 0x410 && cp <= 0x42f) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a)) return true;
  if (cp < 0x80) return false;
  return LETTER_RE.test(String.fromCodePoint(cp));
}

function isLetterOrNumber(cp: number): boolean {
  if (isLetter(cp)) return true;
  if (cp >= 0x30 && cp <= 0x39) return true;
  if (cp < 0x80) return false;
  return NUMBER_RE.test(String.fromCodePoint(cp));
}

function isUpper(cp: number): boolean {
  if ((cp >= 0x410 && cp <= 0x42f) || (cp >= 0x41 && cp <= 0x5a)) return true;
  if ((cp >= 0x430 && cp <= 0x44f) || cp < 0x80) return false;
  return UPPER_RE.test(String.fromCodePoint(cp));
}

/**
 * Russian typographic ties, applied before break opportunities are computed:
 * a one-letter word is bound to the next word, a dash to the word before it,
 * initials to each other and to the surname, «г.» to its number or city name.
 */
export function tieRussian(text: string): string {
  const s = text.replace(/\s+/g, " ").trim();
  let out = "";
  let from = 0;
  for (let i = s.indexOf(" "); i >= 0; i = s.indexOf(" ", i + 1)) {
    if (!tied(s, i)) continue;
    out += s.slice(from, i) + NBSP;
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;

/** The code point ending just before `end`: NONE at the start or for half a surrogate pair. */
function before(s: string, end: number): number {
  if (end <= 0) return NONE;
  const c = s.charCodeAt(end - 1);
  if (!isLow(c) || end < 2) return c;
  const high = s.charCodeAt(end - 2);
  return isHigh(high) ? s.codePointAt(end - 2)! : NONE;
}

/** The code point starting at `i`: NONE past the end or for half a surrogate pair. */
function at(s: string, i: number): number {
  if (i >= s.length) return NONE;
  const c = s.charCodeAt(i);
  if (!isHigh(c) || i + 1 >= s.length) return c;
  return isLow(s.charCodeAt(i + 1)) ? s.codePointAt(i)! : NONE;
}

const width = (cp: number) => (cp > 0xffff ? 2 : 1);

/** Whether the space at `i` (normalised text: every space is one U+0020) becomes a no-break space. */
function tied(s: string, i: number): boolean {
  const prev = s.charCodeAt(i - 1);
  const next = s.charCodeAt(i + 1);
  // A one-letter word, unless it ends something longer (a number, an abbreviation, a compound).
  if (ONE_LETTER.has(prev)) {
    const p = before(s, i - 1);
    if (!(p === DOT || p === HYPHEN || isLetterOrNumber(p))) return true;
  }
  if (next === 0x2014 || next === 0x2013) return true;
  // «2019 г.», «5 тыс.»
  if (prev >= 0x30 && prev <= 0x39 && AFTER_NUMBER.some((a) => s.startsWith(a, i + 1))) return true;
  const after = at(s, i + 1);
  // «г. Хабаровск», «№ 5»
  if ((prev === DOT || prev === NUMERO) && isLetterOrNumber(after)) {
    for (const a of BEFORE) {
      if (s.endsWith(a, i) && !isLetter(before(s, i - a.length))) return true;
    }
  }
  if (!isUpper(after)) return false;
  const dot = i + 1 + width(after);
  if (s.charCodeAt(dot) !== DOT) return false;
  // Initials to each other: «В. С.»
  if (prev === DOT && isUpper(before(s, i - 1))) return true;
  // A surname to the initials after it: «Калита В. С.», «Калита В.С.»
  const second = s.charCodeAt(dot + 1) === SPACE ? dot + 2 : dot + 1;
  if (!isUpper(at(s, second))) return false;
  const last = before(s, i);
  return isLetter(last) && isLetter(before(s, i - width(last)));
}

/** A stretch of text between two UAX #14 break opportunities. */
export interface Segment {
  /** The text up to the break, without trailing breakable spaces. */
  text: string;
  /** Whether breakable space followed (a glue) or not (a break with no space, e.g. after a hyphen). */
  spaceAfter: boolean;
}

/**
 * Calls `each` for every stretch of tied text between two UAX #14 break opportunities:
 * text[from … to) without trailing breakable spaces, and whether such spaces followed.
 * No-break spaces are class GL and never split.
 */
export function forEachSegment(tied: string, each: (from: number, to: number, spaceAfter: boolean) => void): void {
  const breaker = new LineBreaker(tied);
  let last = 0;
  for (let brk = breaker.nextBreak(); brk; brk = breaker.nextBreak()) {
    const position = brk.position;
    let end = position;
    while (end > last && tied.charCodeAt(end - 1) === 0x20) end--;
    if (end > last) each(last, end, end < position);
    last = position;
  }
}

/** Splits tied text at UAX #14 break opportunities. */
export function segmentRussian(tied: string): Segment[] {
  const segments: Segment[] = [];
  forEachSegment(tied, (from, to, spaceAfter) => segments.push({ text: tied.slice(from, to), spaceAfter }));
  return segments;
}
