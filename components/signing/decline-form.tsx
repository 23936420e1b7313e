"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/action-result";

export function DeclineForm({ action, signatoryId }: { action: (prev: ActionResult | null, form: FormData) => Promise<ActionResult>; signatoryId: string }) {
  const t = useTranslations("signing");
  const te = useTranslations("errors");
  const [result, formAction, pending] = useActionState(action, null);
  return (
    <details className="editor">
      <summary>{t("decline")}</summary>
      <form action={formAction} className="stack">
        <input type="hidden" name="signatoryId" value={signatoryId} />
        <div className="field">
          <label htmlFor="decline-reason">{t("declineReason")}</label>
          <textarea id="decline-reason" name="reason" className="clause-text" maxLength={2000} required />
        </div>
        {result && !result.ok && (
          <p className="notice notice--error" role="alert">
            {result.fieldErrors.reason ? te(`fields.${result.fieldErrors.reason}`) : te(result.code, result.params)}
          </p>
        )}
        <button className="button button--danger button--quiet" type="submit" disabled={pending}>
          {t("declineSubmit")}
        </button>
      </form>
    </details>
  );
}
