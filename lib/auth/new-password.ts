import { z } from "zod";
import { passwordInput } from "@/lib/users/user-input";

/** A password the person chooses, typed twice. */
export const newPasswordInput = z
  .object({ password: passwordInput, confirm: z.string().max(200) })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "passwordMismatch" });
