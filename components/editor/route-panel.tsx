"use client";

import { useLocale, useTranslations } from "next-intl";
import type { DraftView } from "@/lib/communiques/get-draft";

type Props = {
  delegations: DraftView["delegations"];
  steps: Record<string, number>;
  onChange: (steps: Record<string, number>) => void;
};

/** Who approves in which order: a step number per delegation (same number = in parallel). */
export function RoutePanel({ delegations, steps, onChange }: Props) {
  const t = useTranslations("route");
  const locale = useLocale();
  const name = (b: { nameRu: string; nameJa: string }) => (locale === "ja" ? b.nameJa : b.nameRu);
  return (
    <details className="editor route">
      <summary>{t("title")}</summary>
      <p className="meta">{t("hint")}</p>
      <div className="actions">
        <button type="button" className="button button--quiet button--small" onClick={() => onChange({})}>
          {t("allParallel")}
        </button>
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={() => onChange(Object.fromEntries(delegations.map((d) => [d.id, d.host ? 1 : 2])))}
        >
          {t("hostFirst")}
        </button>
      </div>
      <ul className="route__list">
        {delegations.map((d) => (
          <li key={d.id}>
            <label htmlFor={`route-${d.id}`}>
              {name(d.city)} — {name(d.head)}
            </label>
            <select
              id={`route-${d.id}`}
              value={steps[d.id] ?? 1}
              // The route names every delegation with the step shown on screen.
              onChange={(e) => onChange({ ...Object.fromEntries(delegations.map((x) => [x.id, steps[x.id] ?? 1])), [d.id]: Number(e.target.value) })} aria-label={`${t("step")}: ${name(d.city)}`}>
              {[1, 2, 3, 4].map((n) => (
                <option key={n} value={n}>
                  {t("step")} {n}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
    </details>
  );
}
