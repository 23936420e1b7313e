/**
 * A domain error with a stable code. Use cases throw it; the UI maps the code to a message
 * in the user's language (messages: errors.<CODE>). Anything that is not an AppError is
 * an internal error and is shown to the user only as errors.INTERNAL.
 */
export const ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "VALIDATION",
  "RATE_LIMITED",
  "INVALID_CREDENTIALS",
  "EMAIL_TAKEN",
  "STALE_VERSION",
  "EDIT_CONFLICT",
  "NOT_ALLOWED_NOW",
  "STALE_TRANSLATIONS",
  "EMPTY_CLAUSES",
  "MISSING_GLYPHS",
  "ALREADY_EXISTS",
  "MEETING_INCOMPLETE",
  "DUPLICATE_ENTRY",
  "DELEGATION_ROUTED",
  "SIGNATORY_SIGNED",
  "NO_ACCOUNT",
  "ACCOUNT_NOT_REQUESTABLE",
  "REVISION_SUPERSEDED",
  "ALREADY_DECIDED",
  "NOT_YOUR_TURN",
  "ALREADY_SIGNED",
  "BAD_IMAGE",
  "EMPTY_SIGNATURE",
  "WRONG_PASSWORD",
  "NOT_A_PDF",
  "TOKEN_INVALID",
  "TOKEN_EXPIRED",
  "TOKEN_USED",
  "TOKEN_REVOKED",
  "WRONG_CODE",
  "CODE_EXPIRED",
  "CODE_LOCKED",
  "NO_PASSWORD",
  "INTERNAL",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Values for the message template, e.g. { minutes: 12 } or field errors. */
    readonly params: Record<string, string | number> = {},
    readonly fieldErrors: Record<string, string> = {},
    /** Data the UI needs to help, e.g. the other person's text on an edit conflict. Must be JSON. */
    readonly details: unknown = null,
  ) {
    super(code);
    this.name = "AppError";
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
