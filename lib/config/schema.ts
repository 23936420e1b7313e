import { z } from "zod";
import { address, flag, oneOf, quoted, text, wholeNumber } from "./fields";

export const DEFAULT_MAIL_FROM = "Communiqué <no-reply@communique.example>";

/** Where the certificate that seals final PDFs comes from, when one is configured. */
export type SealSource = { kind: "path"; path: string; passphrase: string } | { kind: "base64"; base64: string; passphrase: string };

export interface Config {
  /** null: the embedded database under `dataDir`. */
  databaseUrl: string | null;
  /** As given, relative to the working directory; "data" by default. */
  dataDir: string;
  bcryptCost: number;
  insecureCookies: boolean;
  /** Without trailing slashes; null when unset (links then lead to the local server). */
  appUrl: string | null;
  /** null: mail stays in the outbox. */
  smtpUrl: string | null;
  mailFrom: string;
  reminderIntervalHours: number;
  /** null: no automatic reminders. */
  autoRemindAfterDays: number | null;
  jobsIntervalMs: number;
  dbPoolSize: number;
  dbQueryLog: "count" | "print" | null;
  seal: SealSource | null;
  /** From NODE_ENV, which Next.js sets: `next start` production, `next dev` development. */
  production: boolean;
  development: boolean;
}

const appUrl = text().transform((value, ctx) => {
  if (value === null) return null;
  const base = value.replace(/\/+$/, "");
  if (/^https?:\/\/[^/\s]+\S*$/i.test(base) && URL.canParse(base)) return base;
  ctx.addIssue({ code: "custom", message: `must be an http:// or https:// address, not ${quoted(value)}` });
  return z.NEVER;
});

const mailFrom = text().transform((value, ctx) => {
  if (value === null) return DEFAULT_MAIL_FROM;
  if (/[^\s<>@]+@[^\s<>@]+/.test(value)) return value;
  ctx.addIssue({ code: "custom", message: `must name a sender address, such as "Secretariat <secretariat@city.example>", not ${quoted(value)}` });
  return z.NEVER;
});

// Its line breaks (base64 tools wrap at 76 characters) are dropped; the value is not quoted back.
const sealBase64 = text().transform((value, ctx) => {
  if (value === null) return null;
  const compact = value.replace(/\s+/g, "");
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return compact;
  ctx.addIssue({ code: "custom", message: "is not base64 (a PKCS#12 file encoded with base64)" });
  return z.NEVER;
});

/**
 * Every variable the app reads, and how. Bounds are what makes sense to run with: a cost of 16
 * makes each sign-in take seconds; jobs more often than every second only keep the database
 * busy, and setInterval turns delays past 2^31 - 1 ms into 1 ms.
 */
const fields = {
  DATABASE_URL: address({ pattern: /^postgres(ql)?:\/\//, expected: "a postgres:// or postgresql:// URL", secret: true }),
  DATA_DIR: text().transform((value) => value ?? "data"),
  BCRYPT_COST: wholeNumber({ min: 4, max: 15, fallback: 11 }),
  INSECURE_COOKIES: flag(),
  APP_URL: appUrl,
  SMTP_URL: address({ pattern: /^smtps?:\/\//i, expected: "an smtp:// or smtps:// URL", secret: true }),
  MAIL_FROM: mailFrom,
  REMINDER_INTERVAL_HOURS: wholeNumber({ min: 1, max: 720, fallback: 12 }),
  // 0 has always meant off, as unset does.
  AUTO_REMIND_AFTER_DAYS: wholeNumber({ min: 0, max: 365, fallback: 0 }),
  JOBS_INTERVAL_MS: wholeNumber({ min: 1_000, max: 86_400_000, fallback: 60_000 }),
  DB_POOL_SIZE: wholeNumber({ min: 1, max: 1_000, fallback: 10 }),
  DB_QUERY_LOG: oneOf(["count", "print"]),
  SEAL_P12_PATH: text(),
  SEAL_P12_BASE64: sealBase64,
  // Not trimmed, and set-but-empty is a value: a PKCS#12 file may have an empty passphrase.
  SEAL_P12_PASSPHRASE: z.string().optional(),
  NODE_ENV: text(),
};

export type Variable = keyof typeof fields;
export const VARIABLES = Object.keys(fields) as Variable[];

/** Set by Node.js tools and Next.js rather than by whoever deploys: read here, not documented. */
export const SET_BY_RUNTIME: readonly Variable[] = ["NODE_ENV"];

/**
 * Documented settings that are not read here. Auth.js reads AUTH_SECRET itself; the server
 * script (scripts/serve.mjs) checks PORT and the proxy settings before Next.js is loaded.
 */
export const READ_ELSEWHERE = ["AUTH_SECRET", "PORT", "TRUSTED_PROXIES", "TRUSTED_PROXY_HOPS"] as const;

export const schema = z.object(fields).transform((v, ctx): Config => {
  const { SEAL_P12_PATH: path, SEAL_P12_BASE64: base64, SEAL_P12_PASSPHRASE: passphrase } = v;
  let seal: SealSource | null = null;
  if (path && base64) ctx.addIssue({ code: "custom", message: "Set SEAL_P12_PATH or SEAL_P12_BASE64, not both" });
  else if (path && passphrase !== undefined) seal = { kind: "path", path, passphrase };
  else if (base64 && passphrase !== undefined) seal = { kind: "base64", base64, passphrase };
  else if (path || base64) {
    ctx.addIssue({ code: "custom", path: ["SEAL_P12_PASSPHRASE"], message: "is not set (set it empty for a file without a passphrase)" });
  }
  return {
    databaseUrl: v.DATABASE_URL,
    dataDir: v.DATA_DIR,
    bcryptCost: v.BCRYPT_COST,
    insecureCookies: v.INSECURE_COOKIES,
    appUrl: v.APP_URL,
    smtpUrl: v.SMTP_URL,
    mailFrom: v.MAIL_FROM,
    reminderIntervalHours: v.REMINDER_INTERVAL_HOURS,
    autoRemindAfterDays: v.AUTO_REMIND_AFTER_DAYS || null,
    jobsIntervalMs: v.JOBS_INTERVAL_MS,
    dbPoolSize: v.DB_POOL_SIZE,
    dbQueryLog: v.DB_QUERY_LOG,
    seal,
    production: v.NODE_ENV === "production",
    development: v.NODE_ENV === "development",
  };
});
