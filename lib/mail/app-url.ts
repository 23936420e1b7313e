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
