import { z } from "zod";

// How one variable is read. An unset or blank variable takes the default: an empty line in
// .env.local (`BCRYPT_COST=`) means "not set", not zero. Messages leave out the variable's name
// (the schema adds it, from the key) and quote the value only where it cannot be a secret.

/** The value as a one-line quotation: a stray newline must not split the message. */
export function quoted(raw: string): string {
  return JSON.stringify(raw);
}

/** A whole number within bounds; "12h", "1e3" and "1.5" are refused rather than guessed at. */
export function wholeNumber({ min, max, fallback }: { min: number; max: number; fallback: number }) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const text = raw?.trim();
      if (!text) return fallback;
      const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
      if (value >= min && value <= max) return value;
      ctx.addIssue({ code: "custom", message: `must be a whole number from ${min} to ${max}, not ${quoted(raw!)}` });
      return z.NEVER;
    });
}

const ON = new Set(["1", "true"]);
const OFF = new Set(["", "0", "false"]);

/** On or off: "yes" is refused, since today it would silently have meant off. */
export function flag() {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const text = raw?.trim().toLowerCase() ?? "";
      if (ON.has(text)) return true;
      if (OFF.has(text)) return false;
      ctx.addIssue({ code: "custom", message: `must be 1 (on) or 0 (off), not ${quoted(raw!)}` });
      return z.NEVER;
    });
}

/** Free text; null when unset or blank. */
export function text() {
  return z
    .string()
    .optional()
    .transform((raw) => raw?.trim() || null);
}

/**
 * An address that must start with one of the schemes. `secret`: it may carry a password
 * (postgresql://user:pass@…), so the message does not repeat it.
 */
export function address({ pattern, expected, secret }: { pattern: RegExp; expected: string; secret: boolean }) {
  return text().transform((value, ctx) => {
    if (value === null || pattern.test(value)) return value;
    ctx.addIssue({ code: "custom", message: secret ? `must be ${expected}` : `must be ${expected}, not ${quoted(value)}` });
    return z.NEVER;
  });
}

/** One of a few words; null when unset. */
export function oneOf<const T extends string>(words: readonly T[]) {
  return text().transform((value, ctx): T | null => {
    if (value === null) return null;
    if ((words as readonly string[]).includes(value)) return value as T;
    ctx.addIssue({ code: "custom", message: `must be ${words.map((w) => quoted(w)).join(" or ")}, not ${quoted(value)}` });
    return z.NEVER;
  });
}
