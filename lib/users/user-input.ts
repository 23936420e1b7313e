import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { line } from "@/lib/validation/fields";

export const roleInput = z.enum(["ADMIN", "SECRETARIAT", "DELEGATE"], { message: "invalid" });
export const localeInput = z.enum(["ru", "ja", "en"], { message: "invalid" });
export const passwordInput = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: "passwordTooShort" })
  .max(PASSWORD_MAX_LENGTH, { message: "tooLong" });
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
