import { z } from "zod";
import { countryLocativeRu } from "@/lib/communique/russian-forms";
import { printedLine } from "@/lib/directory/entry-input";
import { isoDate } from "@/lib/validation/fields";

const roman = printedLine(20).pipe(z.string().regex(/^[IVXLCDM]+$/, { message: "invalid" }));
/** A country the communiqué's sentences can put after "в" ("в Японии"); others would print bad grammar. */
const countryRu = printedLine(100).refine(
  (name) => {
    try {
      countryLocativeRu(name);
      return true;
    } catch {
      return false;
    }
  },
  { message: "unknownCountry" },
);
const year = z.coerce.number({ message: "invalid" }).int({ message: "invalid" }).min(1970, { message: "invalid" }).max(2200, { message: "invalid" });

/** The facts of a meeting a secretariat sets, as the forms post them. Every printed text must be drawable. */
export const meetingFactFields = {
  ordinal: roman,
  nameRu: printedLine(300),
  nameJa: printedLine(300),
  startDate: isoDate,
  endDate: isoDate,
  venueRu: printedLine(200),
  venueJa: printedLine(200),
  hostCountryRu: countryRu,
  hostCountryJa: printedLine(100),
  nextOrdinal: roman,
  nextYear: year,
  nextCountryRu: countryRu,
  nextCountryJa: printedLine(100),
  signingDate: isoDate,
  signingPlaceRu: printedLine(100),
  signingPlaceJa: printedLine(100),
};

/** End on or after the start; the communiqué is signed during the meeting. */
export function checkMeetingDates(v: { startDate: string; endDate: string; signingDate: string }, ctx: z.RefinementCtx) {
  if (v.endDate < v.startDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: "dateOrder" });
  if (v.signingDate < v.startDate || v.signingDate > v.endDate) {
    ctx.addIssue({ code: "custom", path: ["signingDate"], message: "signingOutsideMeeting" });
  }
}

const optionalLine = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .pipe(z.union([z.literal(""), printedLine(max)]))
    .transform((v) => v || null);

/** Who else took part in the discussions: both languages or neither (the sentence then leaves it out). */
export const involvedCirclesFields = { involvedCirclesRu: optionalLine(300), involvedCirclesJa: optionalLine(300) };

export function checkBothOrNeither(v: { involvedCirclesRu: string | null; involvedCirclesJa: string | null }, ctx: z.RefinementCtx) {
  if (v.involvedCirclesRu && !v.involvedCirclesJa) ctx.addIssue({ code: "custom", path: ["involvedCirclesJa"], message: "required" });
  if (!v.involvedCirclesRu && v.involvedCirclesJa) ctx.addIssue({ code: "custom", path: ["involvedCirclesRu"], message: "required" });
}

export const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
