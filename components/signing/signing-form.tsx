"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import SignaturePad from "signature_pad";
import type { ActionResult } from "@/lib/actions/action-result";

type Props = {
  action: (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;
  signatoryId: string;
  revisionHash: string;
  defaultName: string;
};

type Method = "DRAWN" | "TYPED" | "SEAL";

/** Draw, type or upload a seal; confirm the password; sign the approved revision. */
export function SigningForm({ action, signatoryId, revisionHash, defaultName }: Props) {
  const t = useTranslations("signing");
  const te = useTranslations("errors");
  const [method, setMethod] = useState<Method>("TYPED");
  const [result, formAction, pending] = useActionState(action, null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  const drawing = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (method !== "DRAWN" || !canvas.current) return;
    const c = canvas.current;
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    c.width = c.offsetWidth * ratio;
    c.height = c.offsetHeight * ratio;
    c.getContext("2d")!.scale(ratio, ratio);
    pad.current = new SignaturePad(c, { penColor: "#102a6b", minWidth: 0.8, maxWidth: 2.6 });
    return () => pad.current?.off();
  }, [method]);

  return (
    <form
      action={formAction}
      className="stack signing-form"
      onSubmit={() => {
        if (method === "DRAWN" && drawing.current) drawing.current.value = pad.current && !pad.current.isEmpty() ? pad.current.toDataURL("image/png") : "";
      }}
    >
      <input type="hidden" name="signatoryId" value={signatoryId} />
      <input type="hidden" name="revisionHash" value={revisionHash} />
      <input type="hidden" name="drawing" ref={drawing} />
      <fieldset className="method-choice">
        <legend>{t("method")}</legend>
        {(["TYPED", "DRAWN", "SEAL"] as const).map((m) => (
          <label key={m} className="check">
            <input type="radio" name="method" value={m} checked={method === m} onChange={() => setMethod(m)} />
            {t(`method${m}`)}
          </label>
        ))}
      </fieldset>
      {method === "TYPED" && (
        <div className="field">
          <label htmlFor="typedName">{t("typedName")}</label>
          <input id="typedName" name="typedName" defaultValue={defaultName} maxLength={120} className="typed-signature" />
        </div>
      )}
      {method === "DRAWN" && (
        <div className="field">
          <span className="lang-tag" id="pad-label">
            {t("drawHere")}
          </span>
          <canvas ref={canvas} className="signature-pad" aria-labelledby="pad-label" data-testid="signature-pad" />
          <div className="actions">
            <button type="button" className="button button--quiet button--small" onClick={() => pad.current?.clear()}>
              {t("clear")}
            </button>
          </div>
        </div>
      )}
      {method === "SEAL" && (
        <div className="field">
          <label htmlFor="seal">{t("sealImage")}</label>
          <input id="seal" name="seal" type="file" accept="image/png,image/jpeg" />
          <span className="meta">{t("sealHint")}</span>
        </div>
      )}
      <div className="field">
        <label htmlFor="sign-password">{t("password")}</label>
        <input id="sign-password" name="password" type="password" autoComplete="current-password" required />
      </div>
      {result && !result.ok && (
        <p className="notice notice--error" role="alert">
          {Object.values(result.fieldErrors)[0] ? te(`fields.${Object.values(result.fieldErrors)[0]}`, result.params) : te(result.code, result.params)}
        </p>
      )}
      {result?.ok && (
        <p className="notice notice--ok" role="status">
          {t("signed")}
        </p>
      )}
      <div className="actions">
        <button className="button" type="submit" disabled={pending}>
          {pending ? t("signing") : t("sign")}
        </button>
      </div>
    </form>
  );
}
