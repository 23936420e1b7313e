import { z } from "zod";
import { undrawable } from "@/lib/clauses/clause-text";
import { line } from "@/lib/validation/fields";
import { emailInput, localeInput } from "@/lib/users/user-input";

/** The kinds of entry the directory keeps. */
export const ENTRY_KINDS = ["city", "person", "association", "topic"] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export const entryKindInput = z.enum(ENTRY_KINDS, { message: "invalid" });

export const sideInput = z.enum(["RU", "JP"], { message: "invalid" });

/** A one-line text that goes into the communiqué: it must be drawable by the PDF's font. */
export const printedLine = (max: number) =>
  line(max).refine((value) => undrawable(value).length === 0, { message: "undrawable" });

const optionalEmail = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || null)
  .pipe(z.union([z.null(), emailInput]));

/** What each kind of entry stores; the Russian case forms are fields the secretariat may correct. */
export const ENTRY_INPUT = {
  city: z.object({ side: sideInput, nameRu: printedLine(100), nameJa: printedLine(100), nameLocativeRu: printedLine(100) }),
  person: z.object({ side: sideInput, nameRu: printedLine(120), nameJa: printedLine(120), email: optionalEmail, locale: localeInput }),
  association: z.object({ side: sideInput, nameRu: printedLine(300), nameJa: printedLine(300), nameGenitiveRu: printedLine(300) }),
  topic: z.object({ nameRu: printedLine(100), nameJa: printedLine(100) }),
} satisfies Record<EntryKind, z.ZodType>;

export type EntryFields<K extends EntryKind> = z.output<(typeof ENTRY_INPUT)[K]>;
