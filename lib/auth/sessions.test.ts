import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { decode } from "next-auth/jwt";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { useTestDatabase } from "@/lib/testing/test-db";
import { hashPassword } from "./password";
import { endAllSessions, liveSession, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, startSession } from "./sessions";

useTestDatabase();

const SECRET = "sessions-test-secret-0123456789abcdef-0123";
const PASSWORD = "Sessions-test-42";
let GET: (request: NextRequest) => Response | Promise<Response>;
let POST: (request: NextRequest) => Response | Promise<Response>;

beforeAll(async () => {
  // Auth.js reads its secret when the configuration is built: set it before the first import.
  vi.stubEnv("AUTH_SECRET", SECRET);
  ({ GET, POST } = await import("./handlers"));
});

async function makeUser() {
  return db.user.create({
    data: { email: `session-${randomUUID()}@test.example`, displayName: "Session test", role: "SECRETARIAT", passwordHash: await hashPassword(PASSWORD) },
    select: { id: true, email: true },
  });
}

const start = (userId: string, now = new Date()) => db.$transaction((tx) => startSession(tx, { userId, method: "PASSWORD", ip: "192.0.2.9", userAgent: "test" }, now));

describe("server-side sessions", () => {
  it("live until ended, past their absolute end, idle too long, or the account is deactivated", async () => {
    const user = await makeUser();
    const now = new Date();
    const session = await start(user.id, now);
    expect((await liveSession(session.id, now))?.user.id).toBe(user.id);
    expect(await liveSession(session.id, new Date(now.getTime() + SESSION_ABSOLUTE_MS + 1))).toBeNull();
    expect(await liveSession(session.id, new Date(now.getTime() + SESSION_IDLE_MS + 60_000))).toBeNull();

    // Used every few hours, it still ends after a week.
    const busy = await start(user.id, now);
    for (let at = now.getTime(); at < now.getTime() + SESSION_ABSOLUTE_MS; at += 6 * 60 * 60 * 1000) {
      expect(await liveSession(busy.id, new Date(at)), new Date(at).toISOString()).not.toBeNull();
    }
    expect(await liveSession(busy.id, new Date(now.getTime() + SESSION_ABSOLUTE_MS))).toBeNull();

    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await liveSession((await start(user.id)).id)).toBeNull();
  });

  it("are all ended at once, but the one kept", async () => {
    const user = await makeUser();
    const [a, b, c] = [await start(user.id), await start(user.id), await start(user.id)];
    expect(await db.$transaction((tx) => endAllSessions(tx, user.id, { keep: b.id }))).toBe(2);
    expect(await liveSession(a.id)).toBeNull();
    expect(await liveSession(b.id)).not.toBeNull();
    expect(await liveSession(c.id)).toBeNull();
    expect(await liveSession("no-such-session")).toBeNull();
  });
});

describe("signing in and out through Auth.js", () => {
  const origin = "http://localhost:3000";
  async function csrf(cookie = "") {
    const response = await GET(new NextRequest(`${origin}/api/auth/csrf`, { headers: { cookie } }));
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0]);
    return { csrfToken, cookie: [cookie, ...cookies].filter(Boolean).join("; ") };
  }
  const post = (path: string, cookie: string, body: Record<string, string>) =>
    POST(
      new NextRequest(`${origin}${path}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin, host: "localhost:3000", "x-forwarded-for": `192.0.2.${randomUUID()}` },
        body: new URLSearchParams(body),
      }),
    );

  it("the cookie names a session row, and signing out ends it for good", async () => {
    const user = await makeUser();
    const before = await csrf();
    const signedIn = await post("/api/auth/callback/credentials", before.cookie, { csrfToken: before.csrfToken, email: user.email, password: PASSWORD });
    const sessionCookie = signedIn.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token="))!.split(";")[0]!;
    const token = await decode({ token: sessionCookie.split("=")[1]!, secret: SECRET, salt: "authjs.session-token" });
    expect(token?.uid).toBe(user.id);
    const sid = token?.sid as string;
    expect(await db.userSession.findUniqueOrThrow({ where: { id: sid } })).toMatchObject({ userId: user.id, method: "PASSWORD", endedAt: null });
    expect(await liveSession(sid)).not.toBeNull();

    const out = await csrf(sessionCookie);
    await post("/api/auth/signout", out.cookie, { csrfToken: out.csrfToken });
    expect((await db.userSession.findUniqueOrThrow({ where: { id: sid } })).endedAt).toBeInstanceOf(Date);
    // The old cookie still decodes, but names a session that is over.
    expect(await liveSession(sid)).toBeNull();
  });
});
