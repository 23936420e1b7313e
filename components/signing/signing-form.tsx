"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent, type RefObject } from "react";
import SignaturePad, { type PointGroup } from "signature_pad";
import type { ActionResult } from "@/lib/actions/action-result";

type Props = {
  action: (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;
  /** Mails a six-digit code to the signatory. */
  requestCode: () => Promise<ActionResult<{ sentTo: string; minutes: number }>>;
  /** Without a password, the mailed code is the only way to confirm. */
  hasPassword: boolean;
  signatoryId: string;
  revisionHash: string;
  defaultName: string;
};

type Method = "DRAWN" | "TYPED" | "SEAL";
type Refusal = Extract<ActionResult, { ok: false }>;

/** The server's answer, with the method it was about and how many wrong passwords came so far. */
type Answer = { result: ActionResult; method: Method; wrongPasswords: number };

/** The parts of the form a refusal can be about; its message stands beside the part. */
type Field = "typedName" | "drawing" | "seal" | "password" | "code";
const FIELDS: readonly string[] = ["typedName", "drawing", "seal", "password", "code"] satisfies Field[];

/** The field a refusal is about (`method`: the one that was sent), or null for the form as a whole. */
function refusedField(refusal: Refusal, method: Method): Field | null {
  const named = Object.keys(refusal.fieldErrors).find((key): key is Field => FIELDS.includes(key));
  if (named) return named;
  switch (refusal.code) {
    case "WRONG_PASSWORD":
    case "NO_PASSWORD":
      return "password";
    case "WRONG_CODE":
    case "CODE_EXPIRED":
    case "CODE_LOCKED":
      return "code";
    case "MISSING_GLYPHS":
      return "typedName";
    case "EMPTY_SIGNATURE":
      return "drawing";
    case "BAD_IMAGE":
      return method === "SEAL" ? "seal" : "drawing";
    default:
      return null;
  }
}

/** Draw, type or upload a seal; confirm with the password or a mailed code; sign the approved revision. */
export function SigningForm({ action, requestCode, hasPassword, signatoryId, revisionHash, defaultName }: Props) {
  const t = useTranslations("signing");
  const te = useTranslations("errors");
  const [method, setMethod] = useState<Method>("TYPED");
  const [confirmWith, setConfirmWith] = useState<"password" | "code">(hasPassword ? "password" : "code");
  const [codeSent, setCodeSent] = useState<ActionResult<{ sentTo: string; minutes: number }> | null>(null);
  const [sendingCode, setSendingCode] = useState(false);
  const [answer, formAction, pending] = useActionState(async (prev: Answer | null, form: FormData): Promise<Answer> => {
    const result = await action(prev?.result ?? null, form);
    const wrongPassword = !result.ok && result.code === "WRONG_PASSWORD";
    return { result, method: form.get("method") as Method, wrongPasswords: (prev?.wrongPasswords ?? 0) + (wrongPassword ? 1 : 0) };
  }, null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  const strokes = useRef<PointGroup[]>([]);
  const typedName = useRef<HTMLInputElement>(null);
  const seal = useRef<HTMLInputElement>(null);
  const password = useRef<HTMLInputElement>(null);
  const code = useRef<HTMLInputElement>(null);

  const refusal = answer?.result.ok === false ? answer.result : null;
  const field = answer && refusal ? refusedField(refusal, answer.method) : null;
  const fieldError = refusal ? Object.values(refusal.fieldErrors)[0] : undefined;
  const message = refusal ? (fieldError ? te(`fields.${fieldError}`, refusal.params) : te(refusal.code, refusal.params)) : "";
  const invalid = (f: Field) => (field === f ? { "aria-invalid": true, "aria-describedby": `sign-${f}-error` } : {});
  const errorBeside = (f: Field) =>
    field === f && (
      <span id={`sign-${f}-error`} className="field-error" role="alert">
        {message}
      </span>
    );

  useEffect(() => {
    if (method !== "DRAWN" || !canvas.current) return;
    const c = canvas.current;
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    c.width = c.offsetWidth * ratio;
    c.height = c.offsetHeight * ratio;
    c.getContext("2d")!.scale(ratio, ratio);
    const p = new SignaturePad(c, { penColor: "#102a6b", minWidth: 0.8, maxWidth: 2.6 });
    // Sizing empties the canvas each time it is shown: the strokes drawn before come back.
    p.fromData(strokes.current);
    p.addEventListener("endStroke", () => {
      strokes.current = p.toData();
    });
    pad.current = p;
    return () => p.off();
  }, [method]);

  // A refusal takes the focus to the field it is about.
  useEffect(() => {
    const inputs: Partial<Record<Field, RefObject<HTMLInputElement | null>>> = { typedName, seal, password, code };
    if (field) inputs[field]?.current?.focus();
  }, [answer, field]);

  function submit(event: FormEvent<HTMLFormElement>) {
    // Sent from here, not by the form's action: React empties a form after its action, and a
    // refused signatory would lose the method, the chosen file and the password.
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (method !== "SEAL") form.delete("seal");
    if (confirmWith === "code") form.delete("password");
    else form.delete("code");
    if (method === "DRAWN") form.set("drawing", pad.current && !pad.current.isEmpty() ? pad.current.toDataURL("image/png") : "");
    startTransition(() => formAction(form));
  }

  return (
    <form action={formAction} onSubmit={submit} className="stack signing-form">
      <input type="hidden" name="signatoryId" value={signatoryId} />
      <input type="hidden" name="revisionHash" value={revisionHash} />
      <fieldset className="method-choice">
        <legend>{t("method")}</legend>
        {(["TYPED", "DRAWN", "SEAL"] as const).map((m) => (
          <label key={m} className="check">
            <input type="radio" name="method" value={m} checked={method === m} onChange={() => setMethod(m)} />
            {t(`method${m}`)}
          </label>
        ))}
      </fieldset>
      {/* Every method stays mounted, hidden when not chosen: switching keeps the name, strokes and file. */}
      <div hidden={method !== "TYPED"}>
        <div className="field" data-invalid={field === "typedName"}>
          <label htmlFor="typedName">{t("typedName")}</label>
          <input
            id="typedName"
            name="typedName"
            ref={typedName}
            defaultValue={defaultName}
            maxLength={120}
            className="typed-signature"
            {...invalid("typedName")}
          />
          {errorBeside("typedName")}
        </div>
      </div>
      <div hidden={method !== "DRAWN"}>
        <div className="field" data-invalid={field === "drawing"}>
          <span className="lang-tag" id="pad-label">
            {t("drawHere")}
          </span>
          {/* A drawing surface has no keyboard equivalent: it says so, and where the equal one is. */}
          <canvas
            ref={canvas}
            className="signature-pad"
            role="img"
            aria-label={t("padName")}
            aria-describedby={field === "drawing" ? "pad-keyboard sign-drawing-error" : "pad-keyboard"}
            data-testid="signature-pad"
          />
          <span className="meta" id="pad-keyboard">
            {t("padKeyboard", { typed: t("methodTYPED") })}
          </span>
          {errorBeside("drawing")}
          <div className="actions">
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => {
                pad.current?.clear();
                strokes.current = [];
              }}
            >
              {t("clear")}
            </button>
          </div>
        </div>
      </div>
      <div hidden={method !== "SEAL"}>
        <div className="field" data-invalid={field === "seal"}>
          <label htmlFor="seal">{t("sealImage")}</label>
          <input id="seal" name="seal" type="file" accept="image/png,image/jpeg" ref={seal} {...invalid("seal")} />
          {errorBeside("seal")}
          <span className="meta">{t("sealHint")}</span>
        </div>
      </div>
      <fieldset className="stack">
        <legend>{t("confirmWith")}</legend>
        {hasPassword && (
          <div className="method-choice">
            {(["password", "code"] as const).map((c) => (
              <label key={c} className="check">
                <input type="radio" name="confirmWith" value={c} checked={confirmWith === c} onChange={() => setConfirmWith(c)} />
                {t(c === "password" ? "confirmPassword" : "confirmCode")}
              </label>
            ))}
          </div>
        )}
        {hasPassword && (
          <div hidden={confirmWith !== "password"}>
            <div className="field" data-invalid={field === "password"}>
              <label htmlFor="sign-password">{t("password")}</label>
              <input
                // A new, empty field after each wrong password; any other refusal keeps what was typed.
                key={answer?.wrongPasswords ?? 0}
                id="sign-password"
                name="password"
                type="password"
                autoComplete="current-password"
                required={confirmWith === "password"}
                ref={password}
                {...invalid("password")}
              />
              {errorBeside("password")}
            </div>
          </div>
        )}
        <div hidden={confirmWith !== "code"} className="stack">
          <div className="actions">
            <button
              type="button"
              className="button button--quiet"
              disabled={sendingCode}
              onClick={async () => {
                setSendingCode(true);
                try {
                  setCodeSent(await requestCode());
                } finally {
                  setSendingCode(false);
                }
                code.current?.focus();
              }}
            >
              {sendingCode ? t("codeSending") : codeSent?.ok ? t("codeResend") : t("codeSend")}
            </button>
          </div>
          <p aria-live="polite" className="meta">
            {codeSent?.ok && t("codeSent", { email: codeSent.data.sentTo, minutes: codeSent.data.minutes })}
          </p>
          {codeSent && !codeSent.ok && (
            <p className="notice notice--error" role="alert">
              {te(codeSent.code, codeSent.params)}
            </p>
          )}
          <div className="field" data-invalid={field === "code"}>
            <label htmlFor="sign-code">{t("code")}</label>
            <input
              key={answer?.result.ok === false && field === "code" ? answer.result.at : 0}
              id="sign-code"
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={7}
              className="code-input"
              ref={code}
              {...invalid("code")}
            />
            {errorBeside("code")}
          </div>
        </div>
      </fieldset>
      {refusal && !field && (
        <p className="notice notice--error" role="alert">
          {message}
        </p>
      )}
      {answer?.result.ok && (
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
