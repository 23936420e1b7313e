import { AuthError } from "next-auth";
import { AppError, ERROR_CODES, type ErrorCode } from "@/lib/errors/app-error";
import { signIn } from "./config";
import { safeReturnPath } from "./return-path";

export interface TokenSignIn {
  purpose: "link" | "invitation" | "reset";
  token: string;
  password?: string;
  confirm?: string;
}

/**
 * Signs in through Auth.js with a mailed token (lib/auth/config, provider "email-token") and
 * goes to `redirectTo`. Auth.js answers a refusal with its own error: the domain code it
 * carries comes back out as the AppError the use case threw, for the form to show.
 */
export async function signInWithToken(fields: TokenSignIn, redirectTo: string): Promise<never> {
  try {
    await signIn("email-token", { ...fields, redirectTo: safeReturnPath(redirectTo) ?? "/" });
  } catch (error) {
    if (error instanceof AuthError) {
      const [code, minutes] = String((error as AuthError & { code?: string }).code ?? "").split(":");
      const known = (ERROR_CODES as readonly string[]).includes(code ?? "") ? (code as ErrorCode) : "TOKEN_INVALID";
      throw new AppError(known, minutes ? { minutes: Number(minutes) } : {});
    }
    throw error; // the redirect of a successful sign-in
  }
  throw new AppError("INTERNAL");
}
