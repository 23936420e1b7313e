import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import type { TokenKind } from "@/lib/db";
import { parseInput } from "@/lib/validation/fields";
import { passwordInput } from "@/lib/users/user-input";
import { findLinkToken, linkProblem } from "./access-tokens";
import { hashPassword } from "./password";

/** A password the person chooses, typed twice. */
export const newPasswordInput = z
  .object({ password: passwordInput, confirm: z.string().max(200) })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "passwordMismatch" });

/**
 * The hash of the password chosen from a mailed link (an invitation, a reset). The link is
 * checked first: a dead link says so, whatever was typed. It is used up later, in the
 * transaction that sets the password.
 */
export async function newPasswordFromLink(token: unknown, kind: TokenKind, input: unknown): Promise<string> {
  const problem = linkProblem(await findLinkToken(token, kind));
  if (problem) throw new AppError(problem);
  const { password } = parseInput(newPasswordInput, input);
  return hashPassword(password);
}
