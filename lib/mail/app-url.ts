import { config, type Env } from "@/lib/config";

const DEFAULT_APP_URL = "http://localhost:3000";

/**
 * The absolute address of a page of the app, for links in mail (read outside the app, so a
 * relative path would lead nowhere). APP_URL may carry a base path ("https://host/communique").
 */
export function appUrl(path: string, env?: Env): string {
  // Already absolute: callers may pass on a link they built earlier.
  if (/^https?:\/\//i.test(path)) return path;
  const base = config(env).appUrl ?? DEFAULT_APP_URL;
  return `${base}/${path.replace(/^\/+/, "")}`;
}

/**
 * Said once at start-up: in production without APP_URL, every mailed link would lead to
 * localhost, which no mayor's phone can open.
 */
export function appUrlWarning(env?: Env): string | null {
  const { production, appUrl } = config(env);
  if (!production || appUrl) return null;
  return `APP_URL is not set: links in e-mails will point to ${DEFAULT_APP_URL}, which recipients cannot open. Set APP_URL to the public address of the app.`;
}
