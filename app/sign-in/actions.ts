"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/config";
import { endCurrentSession } from "@/lib/auth/end-current-session";
import { safeReturnPath } from "@/lib/auth/return-path";

/** The form's answer; `email` gives back what was typed, so a refused form loses nothing. */
export type SignInState =
  | { error: null }
  | { error: "REQUIRED"; missing: ("email" | "password")[]; email: string; at: number }
  | { error: "INVALID_CREDENTIALS"; email: string; at: number }
  | { error: "RATE_LIMITED"; minutes: number; email: string; at: number };

/**
 * Signs in with e-mail and password; on success Auth.js redirects to the page the user came
 * for (a path of this site only, checked again here: the form is a public endpoint) or home.
 * Empty fields are answered here, in the user's language, without asking Auth.js.
 */
export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  const missing = [...(email ? [] : ["email" as const]), ...(password ? [] : ["password" as const])];
  if (missing.length > 0) return { error: "REQUIRED", missing, email, at: Date.now() };
  try {
    await endCurrentSession();
    await signIn("credentials", { email, password, redirectTo: safeReturnPath(form.get("callbackUrl")) ?? "/" });
    return { error: null };
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code ?? "";
      if (code.startsWith("RATE_LIMITED")) {
        return { error: "RATE_LIMITED", minutes: Number(code.split(":")[1] ?? 15), email, at: Date.now() };
      }
      return { error: "INVALID_CREDENTIALS", email, at: Date.now() };
    }
    throw error; // the success redirect
  }
}
