"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { signInAction, type SignInState } from "@/app/sign-in/actions";

/** `returnTo`: the page to open once signed in (already checked to be a path of this site). */
export function SignInForm({ returnTo }: { returnTo: string }) {
  const t = useTranslations("signIn");
  const tf = useTranslations("errors.fields");
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { error: null });
  const missing = (field: "email" | "password") => state.error === "REQUIRED" && state.missing.includes(field);
  const typed = state.error ? state.email : "";
  return (
    // Keyed by the answer: React empties a form after its action, and the typed e-mail comes back here.
    <form action={action} className="stack" noValidate key={state.error ? state.at : 0}>
      <input type="hidden" name="callbackUrl" value={returnTo} />
      {(state.error === "RATE_LIMITED" || state.error === "INVALID_CREDENTIALS") && (
        <p className="notice notice--error" role="alert">
          {state.error === "RATE_LIMITED" ? t("rateLimited", { minutes: state.minutes }) : t("invalid")}
        </p>
      )}
      <div className="field" data-invalid={missing("email")}>
        <label htmlFor="email">{t("email")}</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          defaultValue={typed}
          aria-invalid={missing("email") || undefined}
          aria-describedby={missing("email") ? "email-error" : undefined}
        />
        {missing("email") && (
          <span id="email-error" className="field-error" role="alert">
            {tf("required")}
          </span>
        )}
      </div>
      <div className="field" data-invalid={missing("password")}>
        <label htmlFor="password">{t("password")}</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={missing("password") || undefined}
          aria-describedby={missing("password") ? "password-error" : undefined}
        />
        {missing("password") && (
          <span id="password-error" className="field-error" role="alert">
            {tf("required")}
          </span>
        )}
      </div>
      <div className="actions">
        <button className="button" type="submit" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </button>
      </div>
    </form>
  );
}
