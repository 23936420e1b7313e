"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { FieldError } from "./field-error";
import type { Failure, Lang } from "./use-draft-state";

type Props = {
  id: string;
  lang: Lang;
  label: string;
  value: string;
  max: number;
  readOnly: boolean;
  failure?: Failure;
  badge?: ReactNode;
  onChange: (text: string) => void;
  onFocus?: () => void;
  onBlur?: () => void;
  children?: ReactNode;
};

/** One language of one row: a growing text area with its label, counter and errors. */
export function TextCell({ id, lang, label, value, max, readOnly, failure, badge, onChange, onFocus, onBlur, children }: Props) {
  const t = useTranslations("editor");
  const errorId = `${id}-error`;
  return (
    <div className="text-cell" lang={lang} data-invalid={Boolean(failure)}>
      <div className="text-cell__head">
        <label htmlFor={id} className="lang-tag">
          {label}
        </label>
        {badge}
      </div>
      <textarea
        id={id}
        className="clause-text"
        lang={lang}
        value={value}
        readOnly={readOnly}
        rows={Math.min(14, Math.max(3, Math.ceil(value.length / (lang === "ja" ? 28 : 55)) + 1))}
        aria-invalid={failure ? true : undefined}
        aria-describedby={failure ? errorId : undefined}
        onChange={(e) => onChange(e.target.value)}
        onFocus={onFocus}
        onBlur={onBlur}
      />
      <div className="text-cell__foot">
        <FieldError failure={failure} id={errorId} />
        <span className={value.length > max ? "field-error" : "counter"}>{t("charCount", { count: value.length, max })}</span>
      </div>
      {children}
    </div>
  );
}
