import createHyphenator from "hyphen";
import ru from "hyphen/patterns/ru";

/** Russian rule: at least two letters stay on each side of a hyphenation point. */
export const MIN_LEFT = 2;
export const MIN_RIGHT = 2;

const MARK = "\u00ad";
const hyphenateText = createHyphenator(ru, { hyphenChar: MARK });
const cache = new Map<string, number[]>();

/**
 * Offsets (in UTF-16 units) inside `word` where it may be hyphenated. Words with two
 * or more capitals (ТОРов, РФ) and words with digits are left whole: abbreviations
 * are not hyphenated.
 */
export function hyphenationPoints(word: string): number[] {
  const hit = cache.get(word);
  if (hit) return hit;
  const points = compute(word);
  if (cache.size > 50_000) cache.clear();
  cache.set(word, points);
  return points;
}

function compute(word: string): number[] {
  if (word.length < MIN_LEFT + MIN_RIGHT) return [];
  if (!/^[\p{Script=Cyrillic}]+$/u.test(word)) return [];
  if ((word.match(/\p{Lu}/gu) ?? []).length > 1) return [];
  const marked = hyphenateText(word);
  const points: number[] = [];
  let offset = 0;
  for (const ch of marked) {
    if (ch === MARK) {
      if (offset >= MIN_LEFT && word.length - offset >= MIN_RIGHT) points.push(offset);
    } else {
      offset += ch.length;
    }
  }
  return points;
}
