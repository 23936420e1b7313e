import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { submittedCommunique, useApprovalDatabase } from "@/lib/testing/approval-fixtures";
import { refusal } from "@/lib/testing/drafting-fixtures";
import { actorFor, SECRETARIAT } from "@/lib/testing/test-db";
import { acceptInvitation } from "@/lib/users/accept-invitation";
import { findLinkToken, issueLinkToken, TOKEN_LIFETIME_MS, type TokenKind } from "./access-tokens";
import { hashPassword } from "./password";
import { requestFreshLink, FRESH_LINKS_PER_HOUR } from "./request-fresh-link";
import { requestPasswordReset, RESETS_PER_ACCOUNT_PER_HOUR, RESETS_PER_ADDRESS_PER_HOUR } from "./request-password-reset";
import { resetPassword } from "./reset-password";
import { startSession } from "./sessions";
import { useSignInLink } from "./use-sign-in-link";
import { verifyCredentials } from "./verify-credentials";

useApprovalDatabase();

const PASSWORD = "Choose-my-own-42";
const context = () => ({ ip: `192.0.2.${randomUUID()}`, userAgent: "Mailed-token test" });

async function makeUser(options: { password?: string | null; active?: boolean; locale?: "ru" | "ja" | "en" } = {}) {
  return db.user.create({
    data: {
      email: `token-${randomUUID()}@test.example`,
      displayName: "Token test",
      role: "DELEGATE",
      locale: options.locale ?? "ru",
      active: options.active ?? true,
      passwordHash: options.password === undefined ? await hashPassword("Existing-pass-1") : options.password === null ? null : await hashPassword(options.password),
    },
    select: { id: true, email: true },
  });
}

let communique: Promise<string> | undefined;
/** A submitted communiqué of a test meeting, for links to be bound to. */
function someCommuniqueId(): Promise<string> {
  communique ??= actorFor(SECRETARIAT).then((secretariat) => submittedCommunique(secretariat)).then((c) => c.communiqueId);
  return communique;
}

async function issue(kind: TokenKind, userId: string, extra: { communiqueId?: string; path?: string; now?: Date } = {}) {
  return db.$transaction((tx) => issueLinkToken(tx, { kind, userId, ...extra }));
}

const tamper = (token: string) => `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
const openSessions = (userId: string) => db.userSession.count({ where: { userId, endedAt: null } });
const hoursAgo = (h: number) => new Date(Date.now() - h * 60 * 60 * 1000);

describe("mailed tokens: what is stored", () => {
  it("keeps only a hash of the secret, and finds the row by the whole token only", async () => {
    const user = await makeUser();
    const { id, token } = await issue("INVITATION", user.id);
    const row = await db.accessToken.findUniqueOrThrow({ where: { id } });
    const secret = token.split(".")[1]!;
    expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.secretHash).not.toContain(secret);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(TOKEN_LIFETIME_MS.INVITATION);
    expect((await findLinkToken(token, "INVITATION")).id).toBe(id);
    for (const bad of [tamper(token), id, `${id}.`, `${id}.${"A".repeat(43)}`, "", null, 42, `${token}x`, token.toUpperCase()]) {
      expect((await refusal(findLinkToken(bad, "INVITATION"))).code, String(bad)).toBe("TOKEN_INVALID");
    }
    // A token of one kind is nothing for another.
    expect((await refusal(findLinkToken(token, "PASSWORD_RESET"))).code).toBe("TOKEN_INVALID");
  });
});

describe("personal sign-in links", () => {
  it("sign the owner in once, into a session bound to the link's communiqué", async () => {
    const user = await makeUser();
    const communiqueId = await someCommuniqueId();
    const path = `/communiques/${communiqueId}/review`;
    const { id, token } = await issue("SIGN_IN_LINK", user.id, { communiqueId, path });
    const signedIn = await useSignInLink(token, context());
    expect(signedIn).toMatchObject({ userId: user.id, path });
    const session = await db.userSession.findUniqueOrThrow({ where: { id: signedIn.sessionId } });
    expect(session).toMatchObject({ userId: user.id, method: "LINK", communiqueId, endedAt: null });
    expect((await db.accessToken.findUniqueOrThrow({ where: { id } })).usedAt).toBeInstanceOf(Date);
    expect(await db.auditEvent.count({ where: { action: "session.link_used", subjectId: communiqueId, data: { path: ["token"], equals: id } } })).toBe(1);

    expect((await refusal(useSignInLink(token, context()))).code).toBe("TOKEN_USED");
    expect(await openSessions(user.id)).toBe(1);
  });

  it("refuses an expired, a revoked, a tampered and a foreign token, opening no session", async () => {
    const user = await makeUser();
    const communiqueId = await someCommuniqueId();
    const link = { communiqueId, path: `/communiques/${communiqueId}/sign` };
    const expired = await issue("SIGN_IN_LINK", user.id, { ...link, now: hoursAgo(73) });
    expect((await refusal(useSignInLink(expired.token, context()))).code).toBe("TOKEN_EXPIRED");
    const revoked = await issue("SIGN_IN_LINK", user.id, link);
    await db.accessToken.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
    expect((await refusal(useSignInLink(revoked.token, context()))).code).toBe("TOKEN_REVOKED");
    const fresh = await issue("SIGN_IN_LINK", user.id, link);
    expect((await refusal(useSignInLink(tamper(fresh.token), context()))).code).toBe("TOKEN_INVALID");
    const invitation = await issue("INVITATION", user.id);
    expect((await refusal(useSignInLink(invitation.token, context()))).code).toBe("TOKEN_INVALID");
    expect(await openSessions(user.id)).toBe(0);
    // The tampered try did not spend the real link.
    await expect(useSignInLink(fresh.token, context())).resolves.toMatchObject({ userId: user.id });
  });

  it("opens one session when the same link is clicked twice at once", async () => {
    const user = await makeUser();
    const communiqueId = await someCommuniqueId();
    const { token } = await issue("SIGN_IN_LINK", user.id, { communiqueId, path: `/communiques/${communiqueId}/review` });
    const results = await Promise.allSettled([useSignInLink(token, context()), useSignInLink(token, context())]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as AppError).code).toBe("TOKEN_USED");
    expect(await openSessions(user.id)).toBe(1);
  });

  it("refuses the link of a deactivated account", async () => {
    const user = await makeUser({ active: false });
    const communiqueId = await someCommuniqueId();
    const { token } = await issue("SIGN_IN_LINK", user.id, { communiqueId, path: `/communiques/${communiqueId}/review` });
    expect((await refusal(useSignInLink(token, context()))).code).toBe("TOKEN_INVALID");
    expect(await openSessions(user.id)).toBe(0);
  });

  it("mails a fresh link to the owner of a used one, at most three an hour", async () => {
    const user = await makeUser({ locale: "ja" });
    const communiqueId = await someCommuniqueId();
    const path = `/communiques/${communiqueId}/review`;
    const { token } = await issue("SIGN_IN_LINK", user.id, { communiqueId, path });
    await useSignInLink(token, context());
    for (let i = 0; i < FRESH_LINKS_PER_HOUR; i += 1) {
      expect(await requestFreshLink(token)).toEqual({ sentTo: `t•••@test.example` });
    }
    const mails = await db.outboxMail.findMany({ where: { to: user.email, kind: "sign-in-link" } });
    expect(mails).toHaveLength(FRESH_LINKS_PER_HOUR);
    expect(mails[0]!.locale).toBe("ja");
    const fresh = /\/l\/(\S+)/.exec(mails[0]!.text)![1]!;
    expect(fresh).not.toBe(token);
    expect((await findLinkToken(fresh, "SIGN_IN_LINK")).path).toBe(path);
    expect((await refusal(requestFreshLink(token))).code).toBe("RATE_LIMITED");
    expect((await refusal(requestFreshLink(tamper(token)))).code).toBe("TOKEN_INVALID");
    expect(await db.outboxMail.count({ where: { to: user.email, kind: "sign-in-link" } })).toBe(FRESH_LINKS_PER_HOUR);
  });
});

describe("invitations", () => {
  it("let the invited person choose a password once, and sign them in", async () => {
    const user = await makeUser({ password: null });
    const { id, token } = await issue("INVITATION", user.id);
    // Nothing happens on a bad form: the link stays usable.
    expect((await refusal(acceptInvitation(token, { password: PASSWORD, confirm: `${PASSWORD}x` }, context()))).fieldErrors).toEqual({ confirm: "passwordMismatch" });
    expect((await refusal(acceptInvitation(token, { password: "short", confirm: "short" }, context()))).fieldErrors).toMatchObject({ password: "passwordTooShort" });
    expect((await db.accessToken.findUniqueOrThrow({ where: { id } })).usedAt).toBeNull();

    const signedIn = await acceptInvitation(token, { password: PASSWORD, confirm: PASSWORD }, context());
    expect(signedIn.userId).toBe(user.id);
    expect(await db.userSession.findUniqueOrThrow({ where: { id: signedIn.sessionId } })).toMatchObject({ method: "INVITATION", communiqueId: null });
    await expect(verifyCredentials({ email: user.email, password: PASSWORD }, context().ip)).resolves.toEqual({ userId: user.id });
    expect((await refusal(acceptInvitation(token, { password: "Another-pass-99", confirm: "Another-pass-99" }, context()))).code).toBe("TOKEN_USED");
    await expect(verifyCredentials({ email: user.email, password: PASSWORD }, context().ip)).resolves.toEqual({ userId: user.id });
  });

  it("refuses an expired or revoked invitation before looking at the password", async () => {
    const user = await makeUser({ password: null });
    const expired = await issue("INVITATION", user.id, { now: new Date(Date.now() - TOKEN_LIFETIME_MS.INVITATION - 1000) });
    expect((await refusal(acceptInvitation(expired.token, { password: "x", confirm: "y" }, context()))).code).toBe("TOKEN_EXPIRED");
    const revoked = await issue("INVITATION", user.id);
    await db.accessToken.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
    expect((await refusal(acceptInvitation(revoked.token, { password: PASSWORD, confirm: PASSWORD }, context()))).code).toBe("TOKEN_REVOKED");
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(row.passwordHash).toBeNull();
  });

  it("sets one password when the invitation is sent twice at once", async () => {
    const user = await makeUser({ password: null });
    const { token } = await issue("INVITATION", user.id);
    const results = await Promise.allSettled([
      acceptInvitation(token, { password: "First-choice-11", confirm: "First-choice-11" }, context()),
      acceptInvitation(token, { password: "Second-choice-22", confirm: "Second-choice-22" }, context()),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await openSessions(user.id)).toBe(1);
  });

  it("an invited account without a password cannot sign in with any password", async () => {
    const user = await makeUser({ password: null });
    expect((await refusal(verifyCredentials({ email: user.email, password: "anything-at-all" }, context().ip))).code).toBe("INVALID_CREDENTIALS");
  });
});

describe("forgotten passwords", () => {
  const resetMails = (to: string) => db.outboxMail.findMany({ where: { to, kind: "password-reset" }, orderBy: { createdAt: "asc" } });

  it("answers the same for an unknown address, and mails a one-hour link to a known one", async () => {
    const ip = context().ip;
    await expect(requestPasswordReset({ email: `nobody-${randomUUID()}@test.example` }, ip)).resolves.toBeUndefined();
    const user = await makeUser({ locale: "en" });
    await expect(requestPasswordReset({ email: ` ${user.email.toUpperCase()} ` }, ip)).resolves.toBeUndefined();
    const [mail] = await resetMails(user.email);
    expect(mail!.locale).toBe("en");
    const token = /\/reset-password\/(\S+)/.exec(mail!.text)![1]!;
    const row = await findLinkToken(token, "PASSWORD_RESET");
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(60 * 60 * 1000);
  });

  it("sends nothing to a deactivated account, but records the attempt", async () => {
    const user = await makeUser({ active: false });
    await expect(requestPasswordReset({ email: user.email }, context().ip)).resolves.toBeUndefined();
    expect(await resetMails(user.email)).toHaveLength(0);
    expect(await db.auditEvent.count({ where: { action: "password.reset_refused", subjectId: user.id } })).toBe(1);
  });

  it("limits requests per account silently and per address openly", async () => {
    const user = await makeUser();
    for (let i = 0; i < RESETS_PER_ACCOUNT_PER_HOUR + 2; i += 1) await requestPasswordReset({ email: user.email }, context().ip);
    expect(await resetMails(user.email)).toHaveLength(RESETS_PER_ACCOUNT_PER_HOUR);

    const ip = context().ip;
    for (let i = 0; i < RESETS_PER_ADDRESS_PER_HOUR; i += 1) await requestPasswordReset({ email: `nobody-${randomUUID()}@test.example` }, ip);
    const error = await refusal(requestPasswordReset({ email: `nobody-${randomUUID()}@test.example` }, ip));
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.params.minutes).toBeGreaterThanOrEqual(59);
  });

  it("sets the new password once and ends every other session of the account", async () => {
    const user = await makeUser();
    const others = await db.$transaction(async (tx) => [
      await startSession(tx, { userId: user.id, method: "PASSWORD", ip: "192.0.2.1", userAgent: "old phone" }),
      await startSession(tx, { userId: user.id, method: "LINK", communiqueId: await someCommuniqueId(), ip: "192.0.2.2", userAgent: "old laptop" }),
    ]);
    const { token } = await issue("PASSWORD_RESET", user.id);
    const signedIn = await resetPassword(token, { password: PASSWORD, confirm: PASSWORD }, context());
    for (const s of others) expect((await db.userSession.findUniqueOrThrow({ where: { id: s.id } })).endedAt).toBeInstanceOf(Date);
    expect(await openSessions(user.id)).toBe(1);
    expect((await db.userSession.findUniqueOrThrow({ where: { id: signedIn.sessionId } })).method).toBe("RESET");
    await expect(verifyCredentials({ email: user.email, password: PASSWORD }, context().ip)).resolves.toEqual({ userId: user.id });
    expect((await refusal(resetPassword(token, { password: "Again-and-again-1", confirm: "Again-and-again-1" }, context()))).code).toBe("TOKEN_USED");
    expect(await db.auditEvent.count({ where: { action: "password.reset", subjectId: user.id } })).toBe(1);
  });

  it("sets one password when a reset link is used twice at once, and a reset withdraws the other reset links", async () => {
    const user = await makeUser();
    const first = await issue("PASSWORD_RESET", user.id);
    const second = await issue("PASSWORD_RESET", user.id);
    const results = await Promise.allSettled([
      resetPassword(first.token, { password: "Race-winner-11", confirm: "Race-winner-11" }, context()),
      resetPassword(first.token, { password: "Race-winner-22", confirm: "Race-winner-22" }, context()),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason as AppError).code).toBe("TOKEN_USED");
    expect(await openSessions(user.id)).toBe(1);
    expect((await refusal(resetPassword(second.token, { password: PASSWORD, confirm: PASSWORD }, context()))).code).toBe("TOKEN_REVOKED");
  });

  it("refuses an expired reset link and a reset for an account deactivated since", async () => {
    const user = await makeUser();
    const expired = await issue("PASSWORD_RESET", user.id, { now: hoursAgo(2) });
    expect((await refusal(resetPassword(expired.token, { password: PASSWORD, confirm: PASSWORD }, context()))).code).toBe("TOKEN_EXPIRED");
    const { token } = await issue("PASSWORD_RESET", user.id);
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect((await refusal(resetPassword(token, { password: PASSWORD, confirm: PASSWORD }, context()))).code).toBe("TOKEN_REVOKED");
    expect(await openSessions(user.id)).toBe(0);
  });
});
