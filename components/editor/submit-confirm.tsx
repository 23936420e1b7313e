"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import type { DraftView } from "@/lib/communiques/get-draft";

type Props = {
  delegations: DraftView["delegations"];
  /** Step per delegation as chosen in the route panel; a delegation left out is in step 1. */
  steps: Record<string, number>;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/**
 * The last look before the heads are mailed: the route step by step, and who gets the request
 * now (the first step) and who later, by name and address.
 */
export function SubmitConfirm({ delegations, steps, busy, onConfirm, onCancel }: Props) {
  const t = useTranslations("editor");
  const tb = useTranslations("board");
  const tc = useTranslations("common");
  const locale = useLocale();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const name = (b: { nameRu: string; nameJa: string }) => (locale === "ja" ? b.nameJa : b.nameRu);
  const numbers = [...new Set(delegations.map((d) => steps[d.id] ?? 1))].sort((a, b) => a - b);
  const groups = numbers.map((n) => delegations.filter((d) => (steps[d.id] ?? 1) === n));
  const now = groups[0]?.flatMap((d) => d.mailTo) ?? [];

  return (
    <section className="submit-confirm" role="dialog" aria-modal="false" aria-labelledby="submit-confirm-title" data-testid="submit-confirm">
      <h2 id="submit-confirm-title" tabIndex={-1} ref={heading}>
        {t("confirmTitle")}
      </h2>
      {groups.map((group, i) => (
        <div key={numbers[i]} data-step={i + 1}>
          {groups.length > 1 && <h3>{tb("step", { n: i + 1 })}</h3>}
          <p className="meta">{i === 0 ? t("confirmNow") : t("confirmLater")}</p>
          <ul className="submit-confirm__list">
            {group.map((d) => (
              <li key={d.id}>
                <strong>{name(d.city)}</strong> — {name(d.head)}
                <ul>
                  {d.mailTo.length === 0 ? (
                    <li className="field-error">{t("confirmNoAccount")}</li>
                  ) : (
                    d.mailTo.map((m) => (
                      <li key={m.email}>
                        {m.name} &lt;{m.email}&gt;
                      </li>
                    ))
                  )}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <div className="actions">
        <button type="button" className="button" disabled={busy} onClick={onConfirm}>
          {t("confirmSend", { count: now.length })}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {tc("cancel")}
        </button>
      </div>
    </section>
  );
}
