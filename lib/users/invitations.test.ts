import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { findLinkToken, tokenProblem } from "@/lib/auth/access-tokens";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { deliveriesSettled } from "@/lib/mail/deliver";
import { refusal } from "@/lib/testing/drafting-fixtures";
import { actorFor, ADMIN, SECRETARIAT, useTestDatabase } from "@/lib/testing/test-db";
import { createUser } from "./create-user";
import { listUsers } from "./list-users";
import { resendInvitation } from "./resend-invitation";
import { revokeInvitation } from "./revoke-invitation";
import { signOutEverywhere } from "./sign-out-everywhere";

useTestDatabase();
afterAll(deliveriesSettled);
// Without SMTP, delivery prints every mail it keeps in the outbox; the tests read the outbox itself.
beforeAll(() => void vi.spyOn(console, "info").mockImplementation(() => {}));

const DAY = 24 * 60 * 60 * 1000;
const INVITATION_LINK = /\/invitation\/([a-z0-9]{20,32}\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/;

let admin: Actor;
let secretariat: Actor;
let delegate: Actor;

beforeAll(async () => {
  [admin, secretariat, delegate] = await Promise.all([actorFor(ADMIN), actorFor(SECRETARIAT), actorFor("kalita@blagoveshchensk.example")]);
});

/** A new account, invited by the admin, with its e-mail. */
async function invited(locale = "ru") {
  const email = `invited-${randomUUID()}@test.example`;
  const { id } = await createUser(admin, { email, displayName: "Приглашённый", role: "SECRETARIAT", locale });
  return { id, email };
}

const invitationsOf = (userId: string) => db.accessToken.findMany({ where: { userId, kind: "INVITATION" }, orderBy: { createdAt: "asc" } });
const mailsTo = (email: string) => db.outboxMail.findMany({ where: { to: email, kind: "invitation" }, orderBy: { createdAt: "asc" } });
const eventsOf = (userId: string, action: string) => db.auditEvent.findMany({ where: { subjectType: "User", subjectId: userId, action } });
const linkIn = (text: string) => INVITATION_LINK.exec(text)?.[1];

const session = (userId: string) =>
  db.userSession.create({ data: { userId, method: "PASSWORD", ip: "203.0.113.7", userAgent: "test", expiresAt: new Date(Date.now() + DAY) } });
const openSessions = (userId: string) => db.userSession.count({ where: { userId, endedAt: null } });

/** Everything the three use cases could write about an account. */
async function snapshot({ id: userId, email }: { id: string; email: string }) {
  const [tokens, mails, events, sessions] = await Promise.all([
    db.accessToken.findMany({ where: { userId }, orderBy: { id: "asc" } }),
    db.outboxMail.count({ where: { to: email } }),
    db.auditEvent.count({ where: { subjectType: "User", subjectId: userId } }),
    db.userSession.findMany({ where: { userId }, orderBy: { id: "asc" } }),
  ]);
  return { tokens, mails, events, sessions };
}

describe("who may manage invitations and sessions", () => {
  it("refuses the secretariat and a delegate with FORBIDDEN, nobody with UNAUTHENTICATED, and writes nothing", async () => {
    const account = await invited();
    const { id } = account;
    await session(id);
    const before = await snapshot(account);
    for (const actor of [secretariat, delegate, null]) {
      const expected = actor ? "FORBIDDEN" : "UNAUTHENTICATED";
      expect((await refusal(resendInvitation(actor, id))).code).toBe(expected);
      expect((await refusal(revokeInvitation(actor, id))).code).toBe(expected);
      expect((await refusal(signOutEverywhere(actor, id))).code).toBe(expected);
    }
    expect(await snapshot(account)).toEqual(before);
  });

  it("answers NOT_FOUND for an unknown or malformed account id", async () => {
    for (const id of ["no-such-user", "", 42, null, { id: "x" }, "x".repeat(500)]) {
      expect((await refusal(resendInvitation(admin, id))).code).toBe("NOT_FOUND");
      expect((await refusal(revokeInvitation(admin, id))).code).toBe("NOT_FOUND");
      expect((await refusal(signOutEverywhere(admin, id))).code).toBe("NOT_FOUND");
    }
  });
});

describe("resendInvitation", () => {
  it("revokes the earlier invitation, mails a new link in the user's language, and records it", async () => {
    const { id, email } = await invited("en");
    const [first] = await invitationsOf(id);
    const firstLink = linkIn((await mailsTo(email))[0]!.text)!;

    await resendInvitation(admin, id);

    const tokens = await invitationsOf(id);
    expect(tokens).toHaveLength(2);
    expect(tokens[0]!.id).toBe(first!.id);
    expect(tokenProblem(tokens[0]!)).toBe("TOKEN_REVOKED");
    expect(tokenProblem(tokens[1]!)).toBeNull();
    expect(tokens[1]).toMatchObject({ createdById: admin.userId });
    expect(tokens[1]!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 7 * DAY - 60_000);

    const mails = await mailsTo(email);
    expect(mails).toHaveLength(2);
    expect(mails[1]).toMatchObject({ locale: "en" });
    const newLink = linkIn(mails[1]!.text)!;
    expect(newLink).not.toBe(firstLink);
    expect((await findLinkToken(newLink, "INVITATION")).id).toBe(tokens[1]!.id);
    // The old link still names its row, which now says it was revoked.
    expect(tokenProblem(await findLinkToken(firstLink, "INVITATION"))).toBe("TOKEN_REVOKED");

    const events = await eventsOf(id, "user.invitation_resent");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorUserId: admin.userId, data: { invitation: tokens[1]!.id } });
    expect(JSON.stringify(events[0]!.data)).not.toContain(newLink.split(".")[1]);
  });

  it("sends a new one after the first expired or was revoked", async () => {
    const { id } = await invited();
    await db.accessToken.updateMany({ where: { userId: id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await resendInvitation(admin, id);
    await revokeInvitation(admin, id);
    await resendInvitation(admin, id);
    const live = (await invitationsOf(id)).filter((t) => tokenProblem(t) === null);
    expect(live).toHaveLength(1);
  });

  it("is refused for an account that has a password, and for a deactivated one, sending nothing", async () => {
    const withPassword = await invited();
    await db.user.update({ where: { id: withPassword.id }, data: { passwordHash: await hashPassword("Chosen-password-1") } });
    const deactivated = await invited();
    await db.user.update({ where: { id: deactivated.id }, data: { active: false } });
    for (const [account, reason] of [
      [withPassword, "hasPassword"],
      [deactivated, "inactive"],
    ] as const) {
      const before = await snapshot(account);
      const error = await refusal(resendInvitation(admin, account.id));
      expect(error.code).toBe("NOT_ALLOWED_NOW");
      expect(error.params).toEqual({ reason });
      expect(await snapshot(account)).toEqual(before);
    }
  });
});

describe("revokeInvitation", () => {
  it("revokes the unused invitation, so that its link no longer works, and records it", async () => {
    const { id, email } = await invited();
    const [token] = await invitationsOf(id);
    await revokeInvitation(admin, id);
    expect(tokenProblem(await db.accessToken.findUniqueOrThrow({ where: { id: token!.id } }))).toBe("TOKEN_REVOKED");
    expect(tokenProblem(await findLinkToken(linkIn((await mailsTo(email))[0]!.text), "INVITATION"))).toBe("TOKEN_REVOKED");
    expect(await eventsOf(id, "user.invitation_revoked")).toMatchObject([{ actorUserId: admin.userId, data: { invitations: [token!.id] } }]);
    expect((await listUsers(admin)).users.find((u) => u.id === id)).toMatchObject({ hasPassword: false, invitation: null });
  });

  it("is refused when there is no live invitation (already revoked, used or expired), writing nothing", async () => {
    const revoked = await invited();
    await revokeInvitation(admin, revoked.id);
    const used = await invited();
    await db.accessToken.updateMany({ where: { userId: used.id }, data: { usedAt: new Date() } });
    const expired = await invited();
    await db.accessToken.updateMany({ where: { userId: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    for (const account of [revoked, used, expired]) {
      const before = await snapshot(account);
      const error = await refusal(revokeInvitation(admin, account.id));
      expect(error.code).toBe("NOT_ALLOWED_NOW");
      expect(error.params).toEqual({ reason: "noInvitation" });
      expect(await snapshot(account)).toEqual(before);
    }
  });
});

describe("signOutEverywhere", () => {
  it("ends every open session of the account, and no other account's, and records how many", async () => {
    const target = await invited();
    const bystander = await invited();
    await Promise.all([session(target.id), session(target.id), session(bystander.id)]);
    await db.userSession.create({
      data: { userId: target.id, method: "LINK", ip: "x", userAgent: "x", expiresAt: new Date(Date.now() + DAY), endedAt: new Date(Date.now() - DAY) },
    });

    expect(await signOutEverywhere(admin, target.id)).toEqual({ ended: 2 });
    expect(await openSessions(target.id)).toBe(0);
    expect(await openSessions(bystander.id)).toBe(1);
    expect(await eventsOf(target.id, "user.sessions_ended")).toMatchObject([{ actorUserId: admin.userId, data: { count: 2 } }]);

    // Nothing left to end is not an error: the event says none ended.
    expect(await signOutEverywhere(admin, target.id)).toEqual({ ended: 0 });
  });

  it("signs out the admin's own sessions too, the current one included", async () => {
    const email = `admin-${randomUUID()}@test.example`;
    const { id } = await createUser(admin, { email, displayName: "Второй администратор", role: "ADMIN", locale: "ru" });
    const current = await session(id);
    await session(id);
    const me = { ...(await actorFor(email)), sessionId: current.id };
    expect(await signOutEverywhere(me, id)).toEqual({ ended: 2 });
    expect((await db.userSession.findUniqueOrThrow({ where: { id: current.id } })).endedAt).not.toBeNull();
    expect(await openSessions(id)).toBe(0);
  });
});
