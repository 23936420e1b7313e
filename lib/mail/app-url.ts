const DEFAULT_APP_URL = "http://localhost:3000";

/**
 * The absolute address of a page of the app, for links in mail (read outside the app, so a
 * relative path would lead nowhere). APP_URL may carry a base path ("https://host/communique").
 */
export function appUrl(path: string, env: Record<string, string | undefined> = process.env): string {
  // Already absolute: callers may pass on a link they built earlier.
  if (/^https?:\/\//i.test(path)) return path;
  const base = (env.APP_URL?.trim() || DEFAULT_APP_URL).replace(/\/+$/, "");
  if (!/^https?:\/\/[^/\s]+/i.test(base)) throw new Error(`APP_URL must be an http:// or https:// address, not "${base}"`);
  return `${base}/${path.replace(/^\/+/, "")}`;
}

/**
 * Said once at start-up: in production without APP_URL, every mailed link would lead to
 * localhost, which no mayor's phone can open.
 */
export function appUrlWarning(env: Record<string, string | undefined> = process.env): string | null {
  if (env.NODE_ENV !== "production" || env.APP_URL?.trim()) return null;
  return `APP_URL is not set: links in e-mails will point to ${DEFAULT_APP_URL}, which recipients cannot open. Set APP_URL to the public address of the app.`;
}
