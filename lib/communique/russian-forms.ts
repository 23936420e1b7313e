/**
 * The few Russian inflections the standard parts need. The database keeps names in the
 * nominative; these derive the cases the fixed sentences call for, and refuse what they
 * cannot inflect rather than print bad grammar.
 */

const COUNTRY_LOCATIVE: Readonly<Record<string, string>> = {
  Россия: "России",
  Япония: "Японии",
  "Российская Федерация": "Российской Федерации",
};

/** "Россия" → "России" (as in "в России пребывала делегация"). */
export function countryLocativeRu(country: string): string {
  const known = COUNTRY_LOCATIVE[country];
  if (known !== undefined) return known;
  // Feminine names in -ия take -ии (Монголия → Монголии); other endings vary too much
  // to inflect by rule.
  if (/^[А-ЯЁ][а-яё]*ия$/.test(country)) return `${country.slice(0, -2)}ии`;
  throw new Error(`No Russian prepositional known for the country "${country}"`);
}

/**
 * The meeting series is named in the nominative ("Встреча мэров …"), but the meeting
 * line continues the title "КОММЮНИКЕ" and so needs the genitive ("Встречи мэров …").
 * Every template sentence already assumes the head noun "Встреча"; a name typed in the
 * genitive is taken as it is.
 */
export function meetingNameGenitiveRu(name: string): string {
  if (name.startsWith("Встреча ")) return `Встречи ${name.slice("Встреча ".length)}`;
  if (name.startsWith("Встречи ")) return name;
  throw new Error(`The meeting name should start with "Встреча": "${name}"`);
}

const DATIVE_NUMERALS: Readonly<Record<number, string>> = {
  2: "двум",
  3: "трём",
  4: "четырём",
  5: "пяти",
  6: "шести",
  7: "семи",
  8: "восьми",
  9: "девяти",
  10: "десяти",
};

/** "по теме", "по двум темам", "по 12 темам" (figures past ten, as Russian prose does). */
export function byTopicsRu(count: number): string {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`Topic count ${count}`);
  if (count === 1) return "по теме";
  return `по ${DATIVE_NUMERALS[count] ?? String(count)} темам`;
}
