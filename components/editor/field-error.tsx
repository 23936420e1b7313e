"use client";

import { useTranslations } from "next-intl";
import type { Failure } from "./use-draft-state";

/** A refused save, in the user's language: the field's own message when there is one. */
export function FieldError({ failure, id }: { failure?: Failure; id: string }) {
  const t = useTranslations("errors");
  if (!failure) return null;
  const field = Object.values(failure.fieldErrors)[0];
  return (
    <p className="field-error" id={id} role="alert">
      {field ? t(`fields.${field}`, failure.params) : t(failure.code, failure.params)}
    </p>
  );
}
