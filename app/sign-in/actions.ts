"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/config";
import { safeReturnPath } from "@/lib/auth/return-path";

export type SignInState = { error: null } | { error: "INVALID_CREDENTIALS" } | { error: "RATE_LIMITED"; minutes: number };

/**
 * Signs in with e-mail and password; on success Auth.js redirects to the page the user came
 * for (a path of this site only, checked again here: the form is a public endpoint) or home.
 */
export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  try {
    await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirectTo: safeReturnPath(form.get("callbackUrl")) ?? "/",
    });
    return { error: null };
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code ?? "";
      if (code.startsWith("RATE_LIMITED")) {
        return { error: "RATE_LIMITED", minutes: Number(code.split(":")[1] ?? 15) };
      }
      return { error: "INVALID_CREDENTIALS" };
    }
    throw error; // the success redirect
  }
}
