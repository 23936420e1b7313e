import { AppError, isAppError, type ErrorCode } from "@/lib/errors/app-error";

export type ActionResult<T = unknown> =
  | { ok: true; at: number; data: T }
  | {
      ok: false;
      at: number;
      code: ErrorCode;
      params: Record<string, string | number>;
      fieldErrors: Record<string, string>;
      details: unknown;
    };

/**
 * Runs a use case for a server action and turns domain errors into a result the form can
 * show in the user's language. Anything else is logged here and reported only as INTERNAL:
 * no stack trace or internal message reaches the browser.
 */
export async function runAction<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    const data = await fn();
    return { ok: true, at: Date.now(), data };
  } catch (error) {
    if (isAppError(error)) {
      return {
        ok: false,
        at: Date.now(),
        code: error.code,
        params: error.params,
        fieldErrors: error.fieldErrors,
        details: error.details,
      };
    }
    if (isNextControlFlow(error)) throw error;
    console.error("action failed", error);
    const internal = new AppError("INTERNAL");
    return { ok: false, at: Date.now(), code: internal.code, params: {}, fieldErrors: {}, details: null };
  }
}

// redirect() and notFound() work by throwing; they must pass through untouched.
function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"));
}

export function formObject(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string" && !key.startsWith("$")) out[key] = value;
  return out;
}
