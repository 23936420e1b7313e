/**
 * Roman ordinals of the meetings ("XXVII"). The Russian text prints them; the Japanese
 * text counts in Arabic numerals (第27回), so the two must convert both ways.
 */

const NUMERALS: ReadonlyArray<readonly [string, number]> = [
  ["M", 1000],
  ["CM", 900],
  ["D", 500],
  ["CD", 400],
  ["C", 100],
  ["XC", 90],
  ["L", 50],
  ["XL", 40],
  ["X", 10],
  ["IX", 9],
  ["V", 5],
  ["IV", 4],
  ["I", 1],
];

export function toRoman(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 3999) {
    throw new RangeError(`Cannot write ${value} in Roman numerals`);
  }
  let rest = value;
  let out = "";
  for (const [symbol, amount] of NUMERALS) {
    while (rest >= amount) {
      out += symbol;
      rest -= amount;
    }
  }
  return out;
}

/** Accepts only the canonical spelling, so that "IIII" or "xxvii" are caught at input. */
export function fromRoman(text: string): number {
  let rest = text;
  let value = 0;
  for (const [symbol, amount] of NUMERALS) {
    while (rest.startsWith(symbol)) {
      value += amount;
      rest = rest.slice(symbol.length);
    }
  }
  if (rest !== "" || value === 0 || toRoman(value) !== text) {
    throw new RangeError(`Not a Roman numeral: "${text}"`);
  }
  return value;
}
