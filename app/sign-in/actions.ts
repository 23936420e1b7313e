"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/config";

export type SignInState = { error: null } | { error: "INVALID_CREDENTIALS" } | { error: "RATE_LIMITED"; minutes: number };

/** Signs in with e-mail and password; on success Auth.js redirects to the home page. */
export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  try {
    await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirectTo: "/",
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
