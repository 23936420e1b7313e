import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/lib/testing/test-db";

useTestDatabase();

let GET: (request: NextRequest) => Response | Promise<Response>;
let POST: (request: NextRequest) => Response | Promise<Response>;
let SESSION_MAX_AGE_S: number;
beforeAll(async () => {
  // Auth.js reads its secret when the configuration is built: set it before the first import.
  vi.stubEnv("AUTH_SECRET", "session-cookie-test-secret-0123456789abcdef");
  ({ SESSION_MAX_AGE_S } = await import("./config"));
  ({ GET, POST } = await import("./handlers"));
});

/** Signs in through Auth.js as a browser at `origin` would, and returns the session cookie's attributes. */
async function signInAt(origin: string) {
  const csrf = await GET(new NextRequest(`${origin}/api/auth/csrf`));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const response = await POST(
    new NextRequest(`${origin}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie, origin, host: new URL(origin).host },
      body: new URLSearchParams({ csrfToken, email: "secretariat@communique.example", password: "Kamchatka-2019" }),
    }),
  );
  const session = response.headers.getSetCookie().find((c) => /authjs\.session-token=/.test(c));
  if (!session) throw new Error(`no session cookie (status ${response.status})`);
  const [nameValue, ...attributes] = session.split(";").map((part) => part.trim());
  return { name: nameValue!.split("=")[0], attributes: attributes.map((a) => a.toLowerCase()), raw: session };
}

describe("the session cookie", () => {
  it("over HTTPS is __Secure-, Secure, HttpOnly, SameSite=Lax and lasts the session's 8 hours", async () => {
    const cookie = await signInAt("https://communique.example");
    expect(cookie.name).toBe("__Secure-authjs.session-token");
    expect(cookie.attributes).toContain("secure");
    expect(cookie.attributes).toContain("httponly");
    expect(cookie.attributes).toContain("samesite=lax");
    const expires = cookie.attributes.find((a) => a.startsWith("expires="));
    const seconds = (Date.parse(expires!.slice("expires=".length)) - Date.now()) / 1000;
    expect(seconds).toBeGreaterThan(SESSION_MAX_AGE_S - 120);
    expect(seconds).toBeLessThanOrEqual(SESSION_MAX_AGE_S + 1);
  });

  it("on plain-HTTP localhost stays HttpOnly and SameSite=Lax", async () => {
    const cookie = await signInAt("http://localhost:3000");
    expect(cookie.name).toBe("authjs.session-token");
    expect(cookie.attributes).toContain("httponly");
    expect(cookie.attributes).toContain("samesite=lax");
  });
});
