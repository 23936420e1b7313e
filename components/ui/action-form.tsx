"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/action-result";

export interface FieldSpec {
  name: string;
  label: string;
  type?: "text" | "email" | "password" | "date" | "number" | "select" | "checkbox";
  defaultValue?: string;
  checked?: boolean;
  options?: { value: string; label: string }[];
  lang?: "ru" | "ja";
  autoComplete?: string;
  required?: boolean;
  maxLength?: number;
}

/** A row of the form: one field, or a Russian/Japanese pair side by side. */
export type FieldRow = FieldSpec | [FieldSpec, FieldSpec];

type Props = {
  action: (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;
  fields: FieldRow[];
  hidden?: Record<string, string>;
  submitLabel: string;
  successMessage: string;
  idPrefix: string;
};

/** Posts to a server action and shows its result: a message and per-field errors in the UI language. */
export function ActionForm({ action, fields, hidden = {}, submitLabel, successMessage, idPrefix }: Props) {
  const t = useTranslations();
  const [result, formAction, pending] = useActionState(action, null);
  const errors = result && !result.ok ? result.fieldErrors : {};
  return (
    <form action={formAction} className="stack" noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((row) =>
        Array.isArray(row) ? (
          <div className="field-row" key={row[0].name}>
            {row.map((f) => (
              <Field key={f.name} spec={f} idPrefix={idPrefix} error={errors[f.name]} />
            ))}
          </div>
        ) : (
          <Field key={row.name} spec={row} idPrefix={idPrefix} error={errors[row.name]} />
        ),
      )}
      <div className="actions">
        <button className="button" type="submit" disabled={pending}>
          {pending ? t("common.saving") : submitLabel}
        </button>
        <span aria-live="polite">
          {result?.ok && <span className="notice notice--ok">{successMessage}</span>}
        </span>
      </div>
      {result && !result.ok && (
        <p className="notice notice--error" role="alert">
          {t(`errors.${result.code}`)}
        </p>
      )}
    </form>
  );
}

function Field({ spec, idPrefix, error }: { spec: FieldSpec; idPrefix: string; error?: string }) {
  const t = useTranslations("errors.fields");
  const id = `${idPrefix}-${spec.name}`;
  const errorId = `${id}-error`;
  const common = {
    id,
    name: spec.name,
    lang: spec.lang,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? errorId : undefined,
  };
  if (spec.type === "checkbox") {
    return (
      <div className="field" data-invalid={Boolean(error)}>
        <label className="check" htmlFor={id}>
          <input {...common} type="checkbox" defaultChecked={spec.checked} />
          {spec.label}
        </label>
        {error && <span id={errorId} className="field-error">{t(error)}</span>}
      </div>
    );
  }
  return (
    <div className="field" data-invalid={Boolean(error)}>
      <label htmlFor={id}>{spec.label}</label>
      {spec.type === "select" ? (
        <select {...common} defaultValue={spec.defaultValue}>
          {spec.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type={spec.type ?? "text"}
          defaultValue={spec.defaultValue}
          autoComplete={spec.autoComplete}
          required={spec.required}
          maxLength={spec.maxLength}
        />
      )}
      {error && (
        <span id={errorId} className="field-error">
          {t(error)}
        </span>
      )}
    </div>
  );
}
