"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { signInAction, type SignInState } from "@/app/sign-in/actions";

/** `returnTo`: the page to open once signed in (already checked to be a path of this site). */
export function SignInForm({ returnTo }: { returnTo: string }) {
  const t = useTranslations("signIn");
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { error: null });
  return (
    <form action={action} className="stack" noValidate>
      <input type="hidden" name="callbackUrl" value={returnTo} />
      {state.error && (
        <p className="notice notice--error" role="alert">
          {state.error === "RATE_LIMITED" ? t("rateLimited", { minutes: state.minutes }) : t("invalid")}
        </p>
      )}
      <div className="field">
        <label htmlFor="email">{t("email")}</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
      </div>
      <div className="field">
        <label htmlFor="password">{t("password")}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <div className="actions">
        <button className="button" type="submit" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </button>
      </div>
    </form>
  );
}
