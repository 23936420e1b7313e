/**
 * Auth.js credentials sign-in over plain HTTP, as a browser's form post would do it: the CSRF
 * token (and its cookie) from /api/auth/csrf, then the credentials posted form-encoded.
 */

/** The client address the instances see, as a balancer in front of them would pass it on. */
export const CLIENT_ADDRESS = "203.0.113.40";

const SESSION_COOKIE = /^(?:__Secure-)?authjs\.session-token(?:\.\d+)?$/;

export interface SignInOutcome {
  /** The session cookie(s) as a Cookie header, or null when no session was issued. */
  session: string | null;
  /** Where Auth.js sent the browser (the home page, or the sign-in page with an error code). */
  location: string;
  /** The error code Auth.js passed on (INVALID_CREDENTIALS, RATE_LIMITED:15…), if any. */
  code: string | null;
}

/** name=value pairs of a response's Set-Cookie headers (cookies being cleared are left out). */
function setCookies(response: Response): Map<string, string> {
  const jar = new Map<string, string>();
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(";");
    const at = pair!.indexOf("=");
    const value = pair!.slice(at + 1);
    if (at > 0 && value !== "") jar.set(pair!.slice(0, at).trim(), value);
  }
  return jar;
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

export async function signInHttp(baseUrl: string, email: string, password: string): Promise<SignInOutcome> {
  const headers = { "x-forwarded-for": CLIENT_ADDRESS };
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers });
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf: ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(setCookies(csrf)) },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/` }),
  });
  await response.arrayBuffer();
  if (response.status < 300 || response.status >= 400) throw new Error(`POST /api/auth/callback/credentials: ${response.status}, expected a redirect`);
  const location = response.headers.get("location") ?? "";
  const session = new Map([...setCookies(response)].filter(([name]) => SESSION_COOKIE.test(name)));
  return { session: session.size ? cookieHeader(session) : null, location, code: new URL(location, baseUrl).searchParams.get("code") };
}

/** GET a page without following redirects: its status, where it redirects to, and its HTML. */
export async function getPage(url: string, cookie?: string): Promise<{ status: number; location: string | null; html: string }> {
  const response = await fetch(url, { redirect: "manual", headers: { "x-forwarded-for": CLIENT_ADDRESS, ...(cookie ? { cookie } : {}) } });
  return { status: response.status, location: response.headers.get("location"), html: await response.text() };
}
