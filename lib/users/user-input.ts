import { z } from "zod";
import { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { line } from "@/lib/validation/fields";

export const roleInput = z.enum(["ADMIN", "SECRETARIAT", "DELEGATE"], { message: "invalid" });
export const localeInput = z.enum(["ru", "ja", "en"], { message: "invalid" });
// bcrypt reads at most 72 bytes: a longer password (in UTF-8 a Cyrillic letter takes 2 bytes,
// a kanji 3) would be silently cut, so it is refused instead.
export const passwordInput = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: "passwordTooShort" })
  .refine((v) => new TextEncoder().encode(v).length <= PASSWORD_MAX_BYTES, { message: "tooLong" });
export const emailInput = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.string().min(1, { message: "required" }).max(254, { message: "tooLong" }).email({ message: "invalid" }));

/** A delegate speaks for a person; staff accounts speak for nobody. */
export const userFields = z
  .object({
    displayName: line(120),
    role: roleInput,
    locale: localeInput,
    personId: z.string().trim().optional().transform((v) => v || null),
  })
  .superRefine((v, ctx) => {
    if (v.role === "DELEGATE" && !v.personId) ctx.addIssue({ code: "custom", path: ["personId"], message: "required" });
  })
  .transform((v) => ({ ...v, personId: v.role === "DELEGATE" ? v.personId : null }));
