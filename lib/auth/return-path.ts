/**
 * Where to go back to after signing in: a path of this site only. Anything else — another
 * origin ("//evil.example", "https://…"), a backslash trick ("/\\evil.example"), a control
 * character — is refused (null), so the sign-in page can never send a user elsewhere.
 */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return null;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return null;
  const url = new URL(value, "http://return.invalid");
  if (url.origin !== "http://return.invalid") return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page's address that comes back to `path` once signed in. */
export function signInPath(path?: string): string {
  const back = safeReturnPath(path);
  return back && back !== "/" ? `/sign-in?${new URLSearchParams({ callbackUrl: back })}` : "/sign-in";
}
