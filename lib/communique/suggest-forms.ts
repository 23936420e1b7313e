/**
 * Suggestions for the Russian case forms the directory keeps beside a name (the city after
 * "в г.", an association after "По приглашению"). They only pre-fill a field the secretariat
 * can always correct: where no regular rule applies the name is suggested unchanged.
 * Pure and dependency-free, so that the form can suggest as the user types.
 */

import type { Side } from "./content";

const VOWEL_ENDING = /[оеиуыэюё]$/;
const CONSONANT_ENDING = /[бвгджзклмнпрстфхцчшщ]$/;

/** One word of a city name in the prepositional: "Хабаровск" → "Хабаровске". */
function wordLocative(word: string): string {
  if (/(ск|цк)ий$/.test(word)) return `${word.slice(0, -2)}ом`; // Камчатский → Камчатском
  if (/[ыи]й$/.test(word)) return `${word.slice(0, -2)}ом`; // Красный → Красном
  if (/ая$/.test(word)) return `${word.slice(0, -2)}ой`; // Советская → Советской
  if (/ия$/.test(word)) return `${word.slice(0, -1)}и`; // Ангария → Ангарии
  if (/[ая]$/.test(word)) return `${word.slice(0, -1)}е`; // Находка → Находке
  if (/ль$/.test(word)) return `${word.slice(0, -1)}е`; // Ярославль → Ярославле
  if (/ь$/.test(word)) return `${word.slice(0, -1)}и`; // Пермь → Перми
  if (/й$/.test(word)) return `${word.slice(0, -1)}е`;
  if (CONSONANT_ENDING.test(word)) return `${word}е`; // Владивосток → Владивостоке
  return word; // Улан-Удэ, Южно-…: indeclinable
}

/**
 * A city's name as it follows "в г." in the preamble. Russian cities decline, every part of a
 * hyphenated name ("Петропавловске-Камчатском"), but not a prepositional tail
 * ("Комсомольске-на-Амуре"); foreign cities keep the nominative after "г." ("в г. Ниигата"),
 * as the model communiqué writes them. A compound ending in a vowel stays as it is ("в г. Улан-Удэ").
 */
export function suggestCityLocativeRu(name: string, side: Side): string {
  const trimmed = name.trim();
  if (side !== "RU" || trimmed === "") return trimmed;
  const tail = /-(на|в|под|у)-/.exec(trimmed);
  const head = tail ? trimmed.slice(0, tail.index) : trimmed;
  const rest = tail ? trimmed.slice(tail.index) : "";
  // A borrowed compound that ends in a vowel does not decline at all (Улан-Удэ).
  if (VOWEL_ENDING.test(head)) return trimmed;
  const declined = head
    .split(/([\s-]+)/)
    .map((part) => (/^[\s-]+$/.test(part) || VOWEL_ENDING.test(part) ? part : wordLocative(part)))
    .join("");
  return declined + rest;
}

const NOUN_GENITIVE: ReadonlyArray<[RegExp, (w: string) => string]> = [
  [/ия$/, (w) => `${w.slice(0, -1)}и`], // Ассоциация → Ассоциации
  [/[гкхжшчщ]а$/, (w) => `${w.slice(0, -1)}и`], // Лига → Лиги
  [/а$/, (w) => `${w.slice(0, -1)}ы`], // Палата → Палаты
  [/я$/, (w) => `${w.slice(0, -1)}и`],
  [/ь$/, (w) => `${w.slice(0, -1)}я`], // Кремль → Кремля
  [/й$/, (w) => `${w.slice(0, -1)}я`],
  [/[бвгджзклмнпрстфхцчшщ]$/i, (w) => `${w}а`], // Союз → Союза, Совет → Совета
];

function adjectiveGenitive(word: string): string | null {
  if (/ая$/.test(word)) return `${word.slice(0, -2)}ой`; // Японская → Японской
  if (/[ыио]й$/.test(word)) return `${word.slice(0, -2)}ого`; // Российский → Российского
  if (/[ое]е$/.test(word)) return `${word.slice(0, -2)}ого`;
  return null;
}

/**
 * An organisation's name in the genitive ("По приглашению Ассоциации мэров …"): the leading
 * adjectives and the head noun decline, the rest of the name ("мэров городов …") already
 * stands in the genitive and is kept.
 */
export function suggestGenitiveRu(name: string): string {
  const words = name.trim().split(/(\s+)/);
  for (let i = 0; i < words.length; i += 2) {
    const word = words[i]!;
    // An abbreviation ("АТЭС") does not decline, nor does anything after it.
    if (word.length > 1 && word === word.toUpperCase()) break;
    const adjective = adjectiveGenitive(word);
    if (adjective !== null) {
      words[i] = adjective;
      continue;
    }
    const rule = NOUN_GENITIVE.find(([ending]) => ending.test(word));
    if (rule) words[i] = rule[1](word);
    break;
  }
  return words.join("");
}
