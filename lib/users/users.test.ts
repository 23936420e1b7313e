import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { findLinkToken, issueLinkToken, tokenProblem } from "@/lib/auth/access-tokens";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { db } from "@/lib/db";
import { deliveriesSettled } from "@/lib/mail/deliver";
import { refusal } from "@/lib/testing/drafting-fixtures";
import { actorFor, ADMIN, SECRETARIAT, useTestDatabase } from "@/lib/testing/test-db";
import { createUser } from "./create-user";
import { listUsers } from "./list-users";
import { setOwnLocale } from "./set-own-locale";
import { updateUser } from "./update-user";

useTestDatabase();
afterAll(deliveriesSettled);
// Without SMTP, delivery prints every mail it keeps in the outbox; the tests read the outbox itself.
beforeAll(() => void vi.spyOn(console, "info").mockImplementation(() => {}));

const KALITA = "kalita@blagoveshchensk.example";
const PASSWORD = "Sakhalin-2024!";
const DAY = 24 * 60 * 60 * 1000;
// The link as the mail carries it: /invitation/<row id>.<secret>.
const INVITATION_LINK = /\/invitation\/([a-z0-9]{20,32})\.([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/;

let admin: Actor;
let secretariat: Actor;
let kalita: Actor;

beforeAll(async () => {
  [admin, secretariat, kalita] = await Promise.all([actorFor(ADMIN), actorFor(SECRETARIAT), actorFor(KALITA)]);
});

const uniqueEmail = (label: string) => `${label}-${randomUUID()}@test.example`;
const uniqueAddress = () => `198.51.100.${randomUUID()}`;
const signIn = (email: string, password: string) => verifyCredentials({ email, password }, uniqueAddress());

async function fieldErrorsOf(promise: Promise<unknown>) {
  const error = await refusal(promise);
  expect(error.code).toBe("VALIDATION");
  return error.fieldErrors;
}

async function freePerson() {
  return db.person.create({ data: { side: "RU", nameRu: `Тестов ${randomUUID().slice(0, 8)}`, nameJa: "テストフ" } });
}

const staffInput = (overrides: Record<string, unknown> = {}) => ({
  email: uniqueEmail("staff"),
  displayName: "Сотрудник секретариата",
  role: "SECRETARIAT",
  locale: "ru",
  ...overrides,
});

/** The full edit form of an existing user, with some changes. */
async function editFormOf(userId: string, changes: Record<string, unknown> = {}) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  return { displayName: user.displayName, role: user.role, locale: user.locale, personId: user.personId ?? "", active: user.active, ...changes };
}

/** As if the invited person had chosen a password (the invitation page is tested elsewhere). */
async function choosePassword(userId: string) {
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(PASSWORD) } });
}

const storedHash = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true } })).passwordHash;

const session = (userId: string, changes: { endedAt?: Date; expiresAt?: Date; lastSeenAt?: Date } = {}) =>
  db.userSession.create({
    data: { userId, method: "PASSWORD", ip: uniqueAddress(), userAgent: "Mozilla/5.0 (Windows NT 10.0) Firefox/128.0", expiresAt: new Date(Date.now() + DAY), ...changes },
  });

/** What a use case could have written about an account: its tokens, its mail, its audit events. */
async function tracesOf(email: string) {
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  const [tokens, mails, events] = await Promise.all([
    user ? db.accessToken.count({ where: { userId: user.id } }) : 0,
    db.outboxMail.count({ where: { to: email } }),
    user ? db.auditEvent.count({ where: { subjectType: "User", subjectId: user.id } }) : 0,
  ]);
  return { user: user !== null, tokens, mails, events };
}

describe("who may manage users", () => {
  it("refuses the secretariat and delegates with FORBIDDEN, and without an actor with UNAUTHENTICATED, writing nothing", async () => {
    const someone = await db.user.findUniqueOrThrow({ where: { email: KALITA } });
    const eventsBefore = await db.auditEvent.count({ where: { subjectType: "User", subjectId: someone.id } });
    for (const actor of [secretariat, kalita, null]) {
      const expected = actor ? "FORBIDDEN" : "UNAUTHENTICATED";
      expect((await refusal(listUsers(actor))).code).toBe(expected);
      const input = staffInput();
      expect((await refusal(createUser(actor, input))).code).toBe(expected);
      expect(await tracesOf(input.email)).toEqual({ user: false, tokens: 0, mails: 0, events: 0 });
      expect((await refusal(updateUser(actor, someone.id, await editFormOf(someone.id, { active: false })))).code).toBe(expected);
      expect((await db.user.findUniqueOrThrow({ where: { id: someone.id } })).active).toBe(true);
    }
    expect(await db.auditEvent.count({ where: { subjectType: "User", subjectId: someone.id } })).toBe(eventsBefore);
  });

  it("refuses a delegate trying to make themselves an admin", async () => {
    const error = await refusal(updateUser(kalita, kalita.userId, await editFormOf(kalita.userId, { role: "ADMIN" })));
    expect(error.code).toBe("FORBIDDEN");
    expect((await db.user.findUniqueOrThrow({ where: { id: kalita.userId } })).role).toBe("DELEGATE");
  });
});

describe("listUsers", () => {
  it("gives the admin the users and the people to link them to", async () => {
    const { users, people } = await listUsers(admin);
    const emails = users.map((u) => u.email);
    expect(emails).toEqual(expect.arrayContaining([ADMIN, SECRETARIAT, KALITA]));
    const kalitaRow = users.find((u) => u.email === KALITA);
    expect(kalitaRow?.person?.nameRu).toBe("Калита В. С.");
    expect(people.map((p) => p.nameRu)).toEqual(expect.arrayContaining(["Калита В. С.", "НАКАХАРА Яити"]));
    // Each person says whose account speaks for them, so the forms offer only the free ones.
    expect(people.find((p) => p.nameRu === "Калита В. С.")!.accountId).toBe(kalitaRow!.id);
    const free = await freePerson();
    expect(people.find((p) => p.id === free.id)).toBeUndefined();
    expect((await listUsers(admin)).people.find((p) => p.id === free.id)!.accountId).toBeNull();
  });

  it("never returns a password hash", async () => {
    const { users } = await listUsers(admin);
    // The hash exists in the table: only the client's default omission keeps it out.
    const stored = await storedHash(kalita.userId);
    expect(stored).toMatch(/^\$2[aby]\$/);
    expect(users.length).toBeGreaterThan(0);
    for (const user of users) {
      expect(user).not.toHaveProperty("passwordHash");
      expect(JSON.stringify(user)).not.toContain(stored);
    }
  });

  it("tells whether each account has a password, its unused invitation and whether it expired", async () => {
    const invited = await createUser(admin, staffInput());
    const lapsed = await createUser(admin, staffInput());
    await db.accessToken.updateMany({ where: { userId: lapsed.id, kind: "INVITATION" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const rowOf = async (id: string) => (await listUsers(admin)).users.find((u) => u.id === id)!;

    const invitedRow = await rowOf(invited.id);
    expect(invitedRow).toMatchObject({ hasPassword: false, invitation: { expired: false } });
    const token = await db.accessToken.findFirstOrThrow({ where: { userId: invited.id, kind: "INVITATION" } });
    expect(invitedRow.invitation?.expiresAt).toEqual(token.expiresAt);
    expect(await rowOf(lapsed.id)).toMatchObject({ hasPassword: false, invitation: { expired: true } });
    expect(await rowOf(kalita.userId)).toMatchObject({ hasPassword: true, invitation: null });

    // Accepted: the invitation is used, and the account has a password.
    await db.accessToken.updateMany({ where: { userId: invited.id }, data: { usedAt: new Date() } });
    await choosePassword(invited.id);
    expect(await rowOf(invited.id)).toMatchObject({ hasPassword: true, invitation: null });
  });

  it("counts only the sessions that still sign someone in", async () => {
    const { id } = await createUser(admin, staffInput());
    await session(id);
    await session(id);
    await session(id, { endedAt: new Date() });
    await session(id, { expiresAt: new Date(Date.now() - 1000) });
    await session(id, { lastSeenAt: new Date(Date.now() - DAY) }); // idle for a day
    const row = (await listUsers(admin)).users.find((u) => u.id === id);
    expect(row?.activeSessions).toBe(2);
  });
});

describe("createUser", () => {
  it("creates an account without a password and records user.created", async () => {
    const input = staffInput();
    const { id } = await createUser(admin, input);
    expect(await db.user.findUniqueOrThrow({ where: { id } })).toMatchObject({
      email: input.email,
      role: "SECRETARIAT",
      locale: "ru",
      active: true,
      personId: null,
    });
    expect(await storedHash(id)).toBeNull();
    const token = await db.accessToken.findFirstOrThrow({ where: { userId: id } });
    const event = await db.auditEvent.findFirstOrThrow({ where: { subjectType: "User", subjectId: id, action: "user.created" } });
    expect(event.actorUserId).toBe(admin.userId);
    expect(event.data).toEqual({ email: input.email, role: "SECRETARIAT", invited: true, invitation: token.id });
  });

  it("issues a 7-day invitation and mails its link, of which only a hash is stored, in the new user's language", async () => {
    const person = await freePerson();
    const input = staffInput({ email: uniqueEmail("delegate"), role: "DELEGATE", locale: "ja", personId: person.id, displayName: "中原 太郎" });
    const before = Date.now();
    const { id } = await createUser(admin, input);

    const tokens = await db.accessToken.findMany({ where: { userId: id } });
    expect(tokens).toHaveLength(1);
    const token = tokens[0]!;
    expect(token).toMatchObject({ kind: "INVITATION", createdById: admin.userId, usedAt: null, revokedAt: null });
    expect(token.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 7 * DAY);
    expect(token.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 7 * DAY);

    const mails = await db.outboxMail.findMany({ where: { to: input.email } });
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail).toMatchObject({ kind: "invitation", locale: "ja" });
    expect(mail.subject).toContain("ご招待");
    expect(mail.text).toContain(admin.displayName);
    const [, tokenId, secret] = INVITATION_LINK.exec(mail.text) ?? [];
    expect(tokenId).toBe(token.id);
    expect(token.secretHash).not.toBe(secret);
    expect(token.secretHash).not.toContain(secret);
    // The mailed link is the one the invitation page accepts.
    expect((await findLinkToken(`${tokenId}.${secret}`, "INVITATION")).id).toBe(token.id);
    expect(await db.user.findUniqueOrThrow({ where: { id } })).toMatchObject({ role: "DELEGATE", personId: person.id, locale: "ja" });
  });

  it("writes the mail in Russian to a Russian-speaking user", async () => {
    const input = staffInput({ locale: "ru" });
    await createUser(admin, input);
    const mail = await db.outboxMail.findFirstOrThrow({ where: { to: input.email } });
    expect(mail).toMatchObject({ kind: "invitation", locale: "ru" });
    expect(mail.subject).toContain("Приглашение");
    expect(mail.text).toMatch(INVITATION_LINK);
  });

  it("accepts no password: one sent anyway is never stored, and does not sign in", async () => {
    const input = { ...staffInput(), password: PASSWORD };
    const { id } = await createUser(admin, input);
    expect(await storedHash(id)).toBeNull();
    expect((await refusal(signIn(input.email, PASSWORD))).code).toBe("INVALID_CREDENTIALS");
    const event = await db.auditEvent.findFirstOrThrow({ where: { subjectId: id, action: "user.created" } });
    expect(JSON.stringify(event.data)).not.toContain(PASSWORD);
  });

  it("stores the e-mail trimmed and in lower case, and mails that address", async () => {
    const email = uniqueEmail("mixed");
    const { id } = await createUser(admin, staffInput({ email: `  ${email.toUpperCase()} ` }));
    expect((await db.user.findUniqueOrThrow({ where: { id } })).email).toBe(email);
    expect(await db.outboxMail.count({ where: { to: email, kind: "invitation" } })).toBe(1);
  });

  it("does not link a staff account to a person", async () => {
    const person = await freePerson();
    const { id } = await createUser(admin, staffInput({ personId: person.id }));
    expect((await db.user.findUniqueOrThrow({ where: { id } })).personId).toBeNull();
  });

  it("refuses an e-mail already in use, whatever its case, as emailTaken, and mails nobody", async () => {
    const mailsBefore = await db.outboxMail.count({ where: { to: KALITA } });
    expect(await fieldErrorsOf(createUser(admin, staffInput({ email: KALITA })))).toEqual({ email: "emailTaken" });
    expect(await fieldErrorsOf(createUser(admin, staffInput({ email: ` ${KALITA.toUpperCase()}` })))).toEqual({
      email: "emailTaken",
    });
    expect(await db.outboxMail.count({ where: { to: KALITA } })).toBe(mailsBefore);
  });

  it("refuses a delegate without a person as personId required", async () => {
    expect(await fieldErrorsOf(createUser(admin, staffInput({ role: "DELEGATE" })))).toEqual({ personId: "required" });
    expect(await fieldErrorsOf(createUser(admin, staffInput({ role: "DELEGATE", personId: "  " })))).toEqual({
      personId: "required",
    });
  });

  it("refuses a person already linked to another account as personTaken, writing nothing", async () => {
    const input = staffInput({ role: "DELEGATE", personId: kalita.personId });
    expect(await fieldErrorsOf(createUser(admin, input))).toEqual({ personId: "personTaken" });
    expect(await tracesOf(input.email)).toEqual({ user: false, tokens: 0, mails: 0, events: 0 });
  });

  it("refuses missing or unknown fields with one error per field", async () => {
    expect(await fieldErrorsOf(createUser(admin, { email: "not an email", displayName: "", role: "ROOT", locale: "de" }))).toEqual({
      email: "invalid",
      displayName: "required",
      role: "invalid",
      locale: "invalid",
    });
  });
});

describe("updateUser", () => {
  /** An admin account of this file's own, so that the seeded admin is never changed. */
  async function ownAdmin() {
    const email = uniqueEmail("admin");
    const { id } = await createUser(admin, staffInput({ email, role: "ADMIN", locale: "en" }));
    await choosePassword(id);
    return actorFor(email);
  }

  it("lets an admin change their own name and locale", async () => {
    const me = await ownAdmin();
    await updateUser(me, me.userId, await editFormOf(me.userId, { displayName: "Новое имя", locale: "ja" }));
    expect(await db.user.findUniqueOrThrow({ where: { id: me.userId } })).toMatchObject({
      displayName: "Новое имя",
      locale: "ja",
      role: "ADMIN",
      active: true,
    });
  });

  it("refuses an admin deactivating or demoting themselves as selfLockout, and changes nothing", async () => {
    const me = await ownAdmin();
    await session(me.userId);
    const before = await db.user.findUniqueOrThrow({ where: { id: me.userId } });
    for (const changes of [{ active: false }, { role: "SECRETARIAT" }, { role: "DELEGATE", personId: (await freePerson()).id }, { active: "off" }]) {
      expect(await fieldErrorsOf(updateUser(me, me.userId, await editFormOf(me.userId, changes)))).toEqual({ active: "selfLockout" });
    }
    expect(await db.user.findUniqueOrThrow({ where: { id: me.userId } })).toEqual(before);
    expect(await db.userSession.count({ where: { userId: me.userId, endedAt: null } })).toBe(1);
    await expect(signIn(me.email, PASSWORD)).resolves.toEqual({ userId: me.userId });
  });

  it("lets an admin deactivate another admin", async () => {
    const other = await ownAdmin();
    await updateUser(admin, other.userId, await editFormOf(other.userId, { active: false }));
    expect((await db.user.findUniqueOrThrow({ where: { id: other.userId } })).active).toBe(false);
  });

  it("accepts no password: one sent along is ignored and the stored one stays", async () => {
    const { id } = await createUser(admin, staffInput());
    await choosePassword(id);
    const before = await storedHash(id);
    await updateUser(admin, id, await editFormOf(id, { password: "Vladivostok-2025" }));
    expect(await storedHash(id)).toBe(before);
    const invited = await createUser(admin, staffInput());
    await updateUser(admin, invited.id, await editFormOf(invited.id, { password: "Vladivostok-2025" }));
    expect(await storedHash(invited.id)).toBeNull();
  });

  it("deactivating ends every session and revokes the unused mailed links, and says how many sessions ended", async () => {
    const { id } = await createUser(admin, staffInput());
    const live = [await session(id), await session(id)];
    const endedEarlier = await session(id, { endedAt: new Date(Date.now() - DAY) });
    await db.$transaction(async (tx) => {
      await issueLinkToken(tx, { kind: "PASSWORD_RESET", userId: id });
      await issueLinkToken(tx, { kind: "SIGN_IN_LINK", userId: id });
    });
    const used = await db.$transaction((tx) => issueLinkToken(tx, { kind: "SIGN_IN_LINK", userId: id }));
    await db.accessToken.update({ where: { id: used.id }, data: { usedAt: new Date() } });
    const other = await session((await createUser(admin, staffInput())).id);

    await updateUser(admin, id, await editFormOf(id, { active: false }));

    const sessions = await db.userSession.findMany({ where: { userId: id } });
    expect(sessions.filter((s) => s.endedAt === null)).toEqual([]);
    expect(sessions.find((s) => s.id === endedEarlier.id)?.endedAt).toEqual(endedEarlier.endedAt);
    const tokens = await db.accessToken.findMany({ where: { userId: id } });
    expect(tokens.map((t) => t.kind).sort()).toEqual(["INVITATION", "PASSWORD_RESET", "SIGN_IN_LINK", "SIGN_IN_LINK"]);
    for (const token of tokens) expect(tokenProblem(token)).toBe(token.id === used.id ? "TOKEN_USED" : "TOKEN_REVOKED");
    expect((await db.userSession.findUniqueOrThrow({ where: { id: other.id } })).endedAt).toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({ where: { subjectId: id, action: "user.updated" }, orderBy: { seq: "desc" } });
    expect(event.data).toEqual({ role: "SECRETARIAT", active: false, sessionsEnded: live.length });
  });

  it("deactivating makes sign-in fail; reactivating makes it work again, without bringing old sessions back", async () => {
    const input = staffInput();
    const { id } = await createUser(admin, input);
    await choosePassword(id);
    const old = await session(id);
    await updateUser(admin, id, await editFormOf(id, { active: false }));
    expect((await refusal(signIn(input.email, PASSWORD))).code).toBe("INVALID_CREDENTIALS");

    await updateUser(admin, id, await editFormOf(id, { active: "on" }));
    await expect(signIn(input.email, PASSWORD)).resolves.toEqual({ userId: id });
    expect((await db.userSession.findUniqueOrThrow({ where: { id: old.id } })).endedAt).not.toBeNull();
    const events = await db.auditEvent.findMany({ where: { subjectType: "User", subjectId: id, action: "user.updated" }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.data)).toEqual([
      { role: "SECRETARIAT", active: false, sessionsEnded: 1 },
      { role: "SECRETARIAT", active: true, sessionsEnded: 0 },
    ]);
  });

  it("leaves sessions and links alone when the account stays active", async () => {
    const { id } = await createUser(admin, staffInput());
    const open = await session(id);
    await updateUser(admin, id, await editFormOf(id, { displayName: "Другое имя" }));
    expect((await db.userSession.findUniqueOrThrow({ where: { id: open.id } })).endedAt).toBeNull();
    expect(tokenProblem(await db.accessToken.findFirstOrThrow({ where: { userId: id } }))).toBeNull();
  });

  it("refuses linking a person already linked to another account as personTaken", async () => {
    const person = await freePerson();
    const { id } = await createUser(admin, staffInput({ role: "DELEGATE", personId: person.id }));
    const form = await editFormOf(id, { personId: kalita.personId });
    expect(await fieldErrorsOf(updateUser(admin, id, form))).toEqual({ personId: "personTaken" });
    expect((await db.user.findUniqueOrThrow({ where: { id } })).personId).toBe(person.id);
    // Keeping one's own person is not a conflict.
    await updateUser(admin, id, await editFormOf(id, { displayName: "Тот же человек" }));
    expect((await db.user.findUniqueOrThrow({ where: { id } })).personId).toBe(person.id);
  });

  it("answers NOT_FOUND for an unknown user", async () => {
    const form = { displayName: "Никто", role: "SECRETARIAT", locale: "ru", active: true };
    expect((await refusal(updateUser(admin, "no-such-user", form))).code).toBe("NOT_FOUND");
  });
});

describe("setOwnLocale", () => {
  it("changes the actor's own locale", async () => {
    const input = staffInput({ locale: "ru" });
    const { id } = await createUser(admin, input);
    const me = await actorFor(input.email);
    for (const locale of ["ja", "en", "ru"]) {
      await setOwnLocale(me, locale);
      expect((await db.user.findUniqueOrThrow({ where: { id } })).locale).toBe(locale);
    }
  });

  it("works for a delegate too", async () => {
    const person = await freePerson();
    const input = staffInput({ role: "DELEGATE", personId: person.id, locale: "ru" });
    const { id } = await createUser(admin, input);
    await setOwnLocale(await actorFor(input.email), "ja");
    expect((await db.user.findUniqueOrThrow({ where: { id } })).locale).toBe("ja");
  });

  it("rejects an unknown locale with VALIDATION and keeps the old one", async () => {
    const input = staffInput({ locale: "en" });
    const { id } = await createUser(admin, input);
    const me = await actorFor(input.email);
    for (const locale of ["de", "", null, "RU"]) {
      expect((await refusal(setOwnLocale(me, locale))).code).toBe("VALIDATION");
    }
    expect((await db.user.findUniqueOrThrow({ where: { id } })).locale).toBe("en");
  });

  it("refuses without an actor", async () => {
    expect((await refusal(setOwnLocale(null, "ja"))).code).toBe("UNAUTHENTICATED");
  });
});
