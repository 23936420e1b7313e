"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { remindAction } from "@/app/communiques/[id]/status/actions";
import type { ActionResult } from "@/lib/actions/action-result";

export function RemindButton({ communiqueId }: { communiqueId: string }) {
  const t = useTranslations("board");
  const te = useTranslations("errors");
  const [result, setResult] = useState<ActionResult<{ reminded: number }> | null>(null);
  const [busy, start] = useTransition();
  return (
    <div className="actions">
      <button type="button" className="button button--quiet" disabled={busy} onClick={() => start(async () => setResult(await remindAction(communiqueId)))}>
        {t("remind")}
      </button>
      <span aria-live="polite">
        {result?.ok && <span className="notice notice--ok">{t("reminded", { count: result.data.reminded })}</span>}
        {result && !result.ok && (
          <span className="notice notice--error" role="alert">
            {result.code === "RATE_LIMITED" ? te("RATE_LIMITED") : te(result.code, result.params)}
          </span>
        )}
      </span>
    </div>
  );
}
