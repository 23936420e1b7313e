"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/action-result";
import type { ErrorCode } from "@/lib/errors/app-error";

type Props = {
  action: (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;
  label: string;
  pendingLabel: string;
  successMessage: string;
  /**
   * Messages of this screen for some refusals: the shared ones speak of communiqués (a refused
   * resend is NOT_ALLOWED_NOW because of the account, not of a document).
   */
  refusals?: Partial<Record<ErrorCode, string>>;
};

/** One button that runs an action on an account (resend, revoke, sign out) and says how it went. */
export function UserActionButton({ action, label, pendingLabel, successMessage, refusals = {} }: Props) {
  const te = useTranslations("errors");
  const [result, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="actions">
      <button className="button button--quiet button--small" type="submit" disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
      <span aria-live="polite">{result?.ok && <span className="notice notice--ok">{successMessage}</span>}</span>
      {result && !result.ok && (
        <span className="notice notice--error" role="alert">
          {refusals[result.code] ?? te(result.code, result.params)}
        </span>
      )}
    </form>
  );
}
