import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { issueLinkToken, tokenProblem } from "@/lib/auth/access-tokens";
import type { Actor } from "@/lib/auth/actor";
import { checkPassword, hashPassword } from "@/lib/auth/password";
import { signInBlockedFor } from "@/lib/auth/sign-in-limits";
import { db, type SessionMethod } from "@/lib/db";
import { refusal } from "@/lib/testing/drafting-fixtures";
import { actorFor, ADMIN, SECRETARIAT, useTestDatabase } from "@/lib/testing/test-db";
import { changePassword } from "./change-password";
import { endOtherSessions } from "./end-other-sessions";
import { endOwnSession } from "./end-own-session";
import { listOwnSessions } from "./list-own-sessions";

useTestDatabase();

const PASSWORD = "Old-password-2024";
const NEW_PASSWORD = "New-password-2025";
const DAY = 24 * 60 * 60 * 1000;
const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

const hex = () => randomUUID().replaceAll("-", "");
/** An address of the documentation range no other test uses: failures are counted per address. */
const uniqueAddress = () => `2001:db8:${hex().slice(0, 24).match(/.{4}/g)!.join(":")}`;

async function account(password: string | null = PASSWORD) {
  const email = `account-${hex()}@test.example`;
  await db.user.create({
    data: { email, displayName: "Учётная запись", role: "SECRETARIAT", passwordHash: password === null ? null : await hashPassword(password) },
  });
  return actorFor(email);
}

function session(userId: string, fields: { method?: SessionMethod; userAgent?: string; endedAt?: Date; expiresAt?: Date; lastSeenAt?: Date; communiqueId?: string } = {}) {
  return db.userSession.create({
    data: { userId, method: "PASSWORD", ip: uniqueAddress(), userAgent: FIREFOX, expiresAt: new Date(Date.now() + DAY), ...fields },
  });
}

/** The actor as a request from one of its sessions sees it. */
async function signedIn(password: string | null = PASSWORD): Promise<Actor & { sessionId: string }> {
  const actor = await account(password);
  const current = await session(actor.userId);
  return { ...actor, sessionId: current.id };
}

const openIds = async (userId: string) =>
  (await db.userSession.findMany({ where: { userId, endedAt: null }, select: { id: true } })).map((s) => s.id).sort();
const storedHash = async (userId: string) =>
  (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } })).passwordHash;
const eventsOf = (userId: string) => db.auditEvent.findMany({ where: { subjectType: "User", subjectId: userId }, orderBy: { seq: "asc" } });

/** Everything the account use cases could change about an account. */
async function snapshot(userId: string) {
  const [hash, sessions, tokens, events] = await Promise.all([
    storedHash(userId),
    db.userSession.findMany({ where: { userId }, orderBy: { id: "asc" } }),
    db.accessToken.findMany({ where: { userId }, orderBy: { id: "asc" } }),
    db.auditEvent.count({ where: { subjectType: "User", subjectId: userId } }),
  ]);
  return { hash, sessions, tokens, events };
}

const change = (actor: Actor | null, input: Record<string, unknown>, ip = uniqueAddress()) => changePassword(actor, input, { ip });

describe("who may use the account page", () => {
  it("refuses a session opened by a mailed link on every account use case, and nobody at all, changing nothing", async () => {
    const me = await signedIn();
    const other = await session(me.userId);
    const linkScoped: Actor = { ...me, linkScope: `communique-${hex()}` };
    const before = await snapshot(me.userId);
    for (const [actor, code] of [
      [linkScoped, "FORBIDDEN"],
      [null, "UNAUTHENTICATED"],
    ] as const) {
      expect((await refusal(listOwnSessions(actor))).code).toBe(code);
      expect((await refusal(endOwnSession(actor, { sessionId: other.id }))).code).toBe(code);
      expect((await refusal(endOtherSessions(actor))).code).toBe(code);
      expect((await refusal(change(actor, { currentPassword: PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD }))).code).toBe(code);
    }
    expect(await snapshot(me.userId)).toEqual(before);
  });

  it("lets every role in: admin, secretariat and delegate", async () => {
    for (const email of [ADMIN, SECRETARIAT, "kalita@blagoveshchensk.example"]) {
      await expect(listOwnSessions(await actorFor(email))).resolves.toMatchObject({ hasPassword: true });
    }
  });
});

describe("listOwnSessions", () => {
  it("lists only the actor's own sessions that still sign in, the current one first and marked", async () => {
    const me = await signedIn();
    const phone = await session(me.userId, { method: "LINK", userAgent: IPHONE, lastSeenAt: new Date(Date.now() - 60_000) });
    await session(me.userId, { endedAt: new Date() });
    await session(me.userId, { expiresAt: new Date(Date.now() - 1000) });
    await session(me.userId, { lastSeenAt: new Date(Date.now() - DAY) });
    const someoneElse = await signedIn();

    const { sessions, hasPassword } = await listOwnSessions(me);
    expect(hasPassword).toBe(true);
    expect(sessions.map((s) => s.id)).toEqual([me.sessionId, phone.id]);
    expect(sessions.map((s) => s.id)).not.toContain(someoneElse.sessionId);
    expect(sessions[0]).toMatchObject({ current: true, method: "PASSWORD", device: { browser: "Firefox", os: "Windows" } });
    expect(sessions[1]).toMatchObject({ current: false, method: "LINK", device: { browser: "Safari", os: "iPhone" } });
    expect(sessions[1]!.ip).toBe(phone.ip);
    expect(sessions[1]!.createdAt).toEqual(phone.createdAt);
    expect(sessions[1]!.lastSeenAt).toEqual(phone.lastSeenAt);
  });

  it("says when the account has no password yet", async () => {
    expect((await listOwnSessions(await signedIn(null))).hasPassword).toBe(false);
  });
});

describe("endOwnSession", () => {
  it("ends one of the actor's other sessions and records it", async () => {
    const me = await signedIn();
    const laptop = await session(me.userId);
    const phone = await session(me.userId);
    await endOwnSession(me, { sessionId: laptop.id });
    expect(await openIds(me.userId)).toEqual([me.sessionId, phone.id].sort());
    expect((await eventsOf(me.userId)).map((e) => [e.action, e.data])).toEqual([["session.ended", { session: laptop.id }]]);
  });

  it("does nothing to another account's session, or to one already ended: NOT_FOUND", async () => {
    const me = await signedIn();
    const victim = await signedIn();
    const ended = await session(me.userId, { endedAt: new Date(Date.now() - 1000) });
    const before = [await snapshot(me.userId), await snapshot(victim.userId)];
    for (const sessionId of [victim.sessionId, ended.id, "no-such-session"]) {
      expect((await refusal(endOwnSession(me, { sessionId }))).code).toBe("NOT_FOUND");
    }
    expect([await snapshot(me.userId), await snapshot(victim.userId)]).toEqual(before);
  });

  it("refuses a missing or malformed session id as VALIDATION", async () => {
    const me = await signedIn();
    for (const input of [{}, { sessionId: "" }, { sessionId: 7 }, null]) {
      expect((await refusal(endOwnSession(me, input))).code).toBe("VALIDATION");
    }
  });
});

describe("endOtherSessions", () => {
  it("ends every other session of the actor, keeps the current one and other accounts' sessions", async () => {
    const me = await signedIn();
    await session(me.userId);
    await session(me.userId, { method: "LINK", communiqueId: `c-${hex()}` });
    const someoneElse = await signedIn();
    expect(await endOtherSessions(me)).toEqual({ ended: 2 });
    expect(await openIds(me.userId)).toEqual([me.sessionId]);
    expect(await openIds(someoneElse.userId)).toEqual([someoneElse.sessionId]);
    expect((await eventsOf(me.userId)).map((e) => [e.action, e.data])).toEqual([["session.others_ended", { count: 2 }]]);
  });
});

describe("changePassword", () => {
  it("refuses a wrong current password, counts it like a failed sign-in, and changes nothing", async () => {
    const me = await signedIn();
    await session(me.userId);
    const ip = uniqueAddress();
    const before = await snapshot(me.userId);
    const error = await refusal(change(me, { currentPassword: "Not-my-password", password: NEW_PASSWORD, confirm: NEW_PASSWORD }, ip));
    expect(error.code).toBe("WRONG_PASSWORD");
    expect(await snapshot(me.userId)).toEqual(before);

    // Counted against this account from this address: enough wrong guesses, and even the right one is refused.
    let failures = 1;
    while ((await signInBlockedFor(me.email, ip)) === 0) {
      expect((await refusal(change(me, { currentPassword: `guess-${failures}`, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, ip))).code).toBe("WRONG_PASSWORD");
      failures += 1;
      expect(failures).toBeLessThanOrEqual(30);
    }
    const limited = await refusal(change(me, { currentPassword: PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, ip));
    expect(limited.code).toBe("RATE_LIMITED");
    expect(limited.params.minutes).toBeGreaterThan(0);
    expect(await snapshot(me.userId)).toEqual(before);
    // Another address is not slowed down by these failures.
    await change(me, { currentPassword: PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD });
  });

  it("asks for the current password when the account has one", async () => {
    const me = await signedIn();
    const before = await snapshot(me.userId);
    for (const currentPassword of [undefined, ""]) {
      const error = await refusal(change(me, { currentPassword, password: NEW_PASSWORD, confirm: NEW_PASSWORD }));
      expect(error.code).toBe("VALIDATION");
      expect(error.fieldErrors).toEqual({ currentPassword: "required" });
    }
    expect(await snapshot(me.userId)).toEqual(before);
  });

  it("refuses a mismatched confirmation or a too short password field by field, changing nothing", async () => {
    const me = await signedIn();
    const before = await snapshot(me.userId);
    const mismatch = await refusal(change(me, { currentPassword: PASSWORD, password: NEW_PASSWORD, confirm: `${NEW_PASSWORD}!` }));
    expect(mismatch.code).toBe("VALIDATION");
    expect(mismatch.fieldErrors).toEqual({ confirm: "passwordMismatch" });
    const short = await refusal(change(me, { currentPassword: PASSWORD, password: "short", confirm: "short" }));
    expect(short.fieldErrors).toEqual({ password: "passwordTooShort" });
    expect(await snapshot(me.userId)).toEqual(before);
  });

  it("sets the new password, ends every other session, revokes pending reset links, and records it", async () => {
    const me = await signedIn();
    await session(me.userId);
    await session(me.userId, { method: "LINK", communiqueId: `c-${hex()}` });
    const reset = await db.$transaction((tx) => issueLinkToken(tx, { kind: "PASSWORD_RESET", userId: me.userId }));
    const ip = uniqueAddress();

    expect(await change(me, { currentPassword: PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, ip)).toEqual({ sessionsEnded: 2 });

    const hash = await storedHash(me.userId);
    expect(await checkPassword(NEW_PASSWORD, hash)).toBe(true);
    expect(await checkPassword(PASSWORD, hash)).toBe(false);
    expect(await openIds(me.userId)).toEqual([me.sessionId]);
    expect(tokenProblem(await db.accessToken.findUniqueOrThrow({ where: { id: reset.id } }))).toBe("TOKEN_REVOKED");
    const events = await eventsOf(me.userId);
    expect(events.map((e) => [e.action, e.actorUserId, e.data])).toEqual([
      ["password.changed", me.userId, { hadPassword: true, sessionsEnded: 2, ip }],
    ]);
    expect(JSON.stringify(events.map((e) => e.data))).not.toContain(NEW_PASSWORD);
  });

  it("lets an account without a password set one without a current password, and kills its invitation", async () => {
    const me = await signedIn(null);
    const invitation = await db.$transaction((tx) => issueLinkToken(tx, { kind: "INVITATION", userId: me.userId }));
    await change(me, { password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(await checkPassword(NEW_PASSWORD, await storedHash(me.userId))).toBe(true);
    expect(tokenProblem(await db.accessToken.findUniqueOrThrow({ where: { id: invitation.id } }))).toBe("TOKEN_REVOKED");
    expect((await eventsOf(me.userId)).map((e) => e.data)).toMatchObject([{ hadPassword: false, sessionsEnded: 0 }]);
    // From now on the password is needed to change it.
    expect((await refusal(change(me, { password: "Third-password-1", confirm: "Third-password-1" }))).fieldErrors).toEqual({
      currentPassword: "required",
    });
  });
});
