import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { normalizeLine } from "@/lib/text/normalize";

/** Field error codes; the UI shows messages.errors.fields.<code>. */
export type FieldErrorCode = "required" | "tooLong" | "invalid" | "dateOrder" | "signingOutsideMeeting" | "emailTaken" | "personTaken" | "passwordTooShort" | "passwordMismatch" | "selfLockout" | "undrawable" | "duplicate" | "otherSide" | "ordinalMismatch" | "unknownCountry";

export const line = (max: number) =>
  z
    .string()
    .transform(normalizeLine)
    .pipe(z.string().min(1, { message: "required" }).max(max, { message: "tooLong" }));

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "invalid" })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: "invalid",
  });

/** Parses or throws AppError("VALIDATION") with one error code per field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.join(".") || "_";
    if (fieldErrors[field]) continue;
    const known: string[] = ["required", "tooLong", "invalid", "dateOrder", "signingOutsideMeeting", "passwordTooShort", "passwordMismatch", "undrawable", "duplicate", "ordinalMismatch", "unknownCountry"];
    fieldErrors[field] = known.includes(issue.message) ? issue.message : issue.code === "too_big" ? "tooLong" : "invalid";
  }
  throw new AppError("VALIDATION", {}, fieldErrors);
}
