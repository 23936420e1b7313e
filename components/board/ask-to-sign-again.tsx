"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/action-result";

/** The secretariat withdraws one signature of the round and asks its signatory to sign again. */
export function AskToSignAgain({
  action,
  signatoryId,
  open,
}: {
  action: (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;
  signatoryId: string;
  /** Unfolded for the signature that stopped the final PDF. */
  open: boolean;
}) {
  const t = useTranslations("board.signing");
  const te = useTranslations("errors");
  const [result, formAction, pending] = useActionState(action, null);
  const field = `ask-again-${signatoryId}`;
  return (
    <details open={open}>
      <summary>{t("askAgain")}</summary>
      <form action={formAction} className="stack">
        <input type="hidden" name="signatoryId" value={signatoryId} />
        <div className="field">
          <label htmlFor={field}>{t("askAgainReason")}</label>
          <textarea id={field} name="reason" maxLength={2000} aria-required="true" />
        </div>
        {result && !result.ok && (
          <p className="notice notice--error" role="alert">
            {result.fieldErrors.reason ? te(`fields.${result.fieldErrors.reason}`) : te(result.code, result.params)}
          </p>
        )}
        <button className="button button--danger button--quiet" type="submit" disabled={pending}>
          {t("askAgainSubmit")}
        </button>
      </form>
    </details>
  );
}
