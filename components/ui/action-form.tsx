"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/action-result";

export interface FieldSpec {
  name: string;
  label: string;
  type?: "text" | "email" | "password" | "date" | "number" | "select" | "checkbox" | "textarea";
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

type Submitted = { result: ActionResult; values: Record<string, string> | null };

type Props = {
  action: (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;
  fields: FieldRow[];
  hidden?: Record<string, string>;
  submitLabel: string;
  successMessage: string;
  idPrefix: string;
  /** A quieter button for secondary actions (retire, remove). */
  submitClassName?: string;
  /** What the button says while the action runs (default: "Saving…"). */
  pendingLabel?: string;
};

/** Posts to a server action and shows its result: a message and per-field errors in the UI language. */
export function ActionForm({ action, fields, hidden = {}, submitLabel, successMessage, idPrefix, submitClassName = "button", pendingLabel }: Props) {
  const tc = useTranslations("common");
  const te = useTranslations("errors");
  // React resets a form after its action; on an error the user's input comes back from here.
  const [state, formAction, pending] = useActionState(
    async (prev: Submitted | null, form: FormData): Promise<Submitted> => {
      const result = await action(prev?.result ?? null, form);
      const values: Record<string, string> = {};
      for (const [key, value] of form.entries()) if (typeof value === "string") values[key] = value;
      return { result, values: result.ok ? null : values };
    },
    null,
  );
  const result = state?.result ?? null;
  const errors = result && !result.ok ? result.fieldErrors : {};
  const withInput = (spec: FieldSpec): FieldSpec =>
    state?.values
      ? {
          ...spec,
          defaultValue: spec.type === "password" ? undefined : (state.values[spec.name] ?? spec.defaultValue),
          checked: spec.type === "checkbox" ? spec.name in state.values : spec.checked,
        }
      : spec;
  return (
    <form action={formAction} className="stack" noValidate key={result?.at ?? 0}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((row) =>
        Array.isArray(row) ? (
          <div className="field-row" key={row[0].name}>
            {row.map((f) => (
              <Field key={f.name} spec={withInput(f)} idPrefix={idPrefix} error={errors[f.name]} />
            ))}
          </div>
        ) : (
          <Field key={row.name} spec={withInput(row)} idPrefix={idPrefix} error={errors[row.name]} />
        ),
      )}
      <div className="actions">
        <button className={submitClassName} type="submit" disabled={pending}>
          {pending ? (pendingLabel ?? tc("saving")) : submitLabel}
        </button>
        <span aria-live="polite">
          {result?.ok && <span className="notice notice--ok">{successMessage}</span>}
        </span>
      </div>
      {result && !result.ok && (
        <p className="notice notice--error" role="alert">
          {te(result.code, result.params)}
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
      ) : spec.type === "textarea" ? (
        <textarea {...common} defaultValue={spec.defaultValue} rows={5} maxLength={spec.maxLength} />
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
