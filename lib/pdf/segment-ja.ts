/**
 * Japanese text breaks between any two characters, except inside runs that must
 * stay whole: Latin, Cyrillic and digit words (with their inner punctuation, as in
 * "2019" or "G20"), and doubled dashes and leaders.
 */
const WORD = String.raw`[\p{Script=Latin}\p{Script=Cyrillic}\p{Nd}０-９Ａ-Ｚａ-ｚ]`;
const UNIT = new RegExp(
  String.raw`${WORD}+(?:[.,:'’\-/]${WORD}+)*%?|——|――|……|‥‥|.`,
  "gsu",
);

export function segmentJapanese(text: string): string[] {
  const normalised = text.replace(/[\t\n\r]+/g, " ").replace(/ {2,}/g, " ").trim();
  return normalised.match(UNIT) ?? [];
}

export function isWordUnit(unit: string): boolean {
  return [...unit].length > 1 && new RegExp(`^${WORD}`, "u").test(unit);
}
