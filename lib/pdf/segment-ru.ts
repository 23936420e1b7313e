import LineBreaker from "linebreak";

const NBSP = "\u00a0";
const ONE_LETTER = "вВсСиИкКоОуУаАяЯ";

/**
 * Russian typographic ties, applied before break opportunities are computed:
 * a one-letter word is bound to the next word, a dash to the word before it,
 * initials to each other and to the surname, «г.» to its number or city name.
 */
export function tieRussian(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(new RegExp(`(?<![\\p{L}\\p{N}.\\-])([${ONE_LETTER}]) `, "gu"), `$1${NBSP}`)
    .replace(/ ([—–])/g, `${NBSP}$1`)
    .replace(/(?<=\d) (?=(?:г|гг|тыс|млн|млрд)\.)/g, NBSP)
    .replace(/(?<![\p{L}])(г\.|гг\.|т\.|ст\.|№|п\.) (?=[\p{L}\p{N}])/gu, `$1${NBSP}`)
    .replace(/(?<=\p{Lu}\.) (?=\p{Lu}\.)/gu, NBSP)
    .replace(/(?<=\p{L}{2}) (?=\p{Lu}\.\s?\p{Lu}\.?)/gu, NBSP);
}

/** A stretch of text between two UAX #14 break opportunities. */
export interface Segment {
  /** The text up to the break, without trailing breakable spaces. */
  text: string;
  /** Whether breakable space followed (a glue) or not (a break with no space, e.g. after a hyphen). */
  spaceAfter: boolean;
}

/** Splits tied text at UAX #14 break opportunities. No-break spaces are class GL and never split. */
export function segmentRussian(tied: string): Segment[] {
  const segments: Segment[] = [];
  const breaker = new LineBreaker(tied);
  let last = 0;
  for (let brk = breaker.nextBreak(); brk; brk = breaker.nextBreak()) {
    const piece = tied.slice(last, brk.position);
    last = brk.position;
    const text = piece.replace(/ +$/, "");
    if (text) segments.push({ text, spaceAfter: text.length < piece.length });
  }
  return segments;
}
