"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/action-result";

/** The secretariat's "create the communiqué" button, with the refusal shown when there is one. */
export function CreateCommuniqueForm({ action }: { action: (prev: ActionResult | null, form: FormData) => Promise<ActionResult> }) {
  const t = useTranslations("editor");
  const te = useTranslations("errors");
  const [result, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="stack">
      <p className="actions">
        <button className="button" type="submit" disabled={pending}>
          {t("createCommunique")}
        </button>
      </p>
      {result && !result.ok && (
        <p className="notice notice--error" role="alert">
          {te(result.code, result.params)}
        </p>
      )}
    </form>
  );
}
