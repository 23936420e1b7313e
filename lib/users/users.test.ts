import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { actorFor, ADMIN, SECRETARIAT, useTestDatabase } from "@/lib/testing/test-db";
import { createUser } from "./create-user";
import { listUsers } from "./list-users";
import { setOwnLocale } from "./set-own-locale";
import { updateUser } from "./update-user";

useTestDatabase();

const KALITA = "kalita@blagoveshchensk.example";
const PASSWORD = "Sakhalin-2024!";

let admin: Actor;
let secretariat: Actor;
let kalita: Actor;

beforeAll(async () => {
  [admin, secretariat, kalita] = await Promise.all([actorFor(ADMIN), actorFor(SECRETARIAT), actorFor(KALITA)]);
});

const uniqueEmail = (label: string) => `${label}-${randomUUID()}@test.example`;
const uniqueAddress = () => `198.51.100.${randomUUID()}`;
const signIn = (email: string, password: string) => verifyCredentials({ email, password }, uniqueAddress());

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a refusal, but the call succeeded");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

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
  password: PASSWORD,
  displayName: "Сотрудник секретариата",
  role: "SECRETARIAT",
  locale: "ru",
  ...overrides,
});

/** The full edit form of an existing user, with some changes. */
async function editFormOf(userId: string, changes: Record<string, unknown> = {}) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  return { displayName: user.displayName, role: user.role, locale: user.locale, personId: user.personId ?? "", active: user.active, password: "", ...changes };
}

describe("who may manage users", () => {
  it("refuses the secretariat and delegates with FORBIDDEN, and without an actor with UNAUTHENTICATED", async () => {
    const someone = await db.user.findUniqueOrThrow({ where: { email: KALITA } });
    for (const actor of [secretariat, kalita]) {
      expect((await refusal(listUsers(actor))).code).toBe("FORBIDDEN");
      const input = staffInput();
      expect((await refusal(createUser(actor, input))).code).toBe("FORBIDDEN");
      expect(await db.user.findUnique({ where: { email: input.email } })).toBeNull();
      expect((await refusal(updateUser(actor, someone.id, await editFormOf(someone.id, { active: false })))).code).toBe(
        "FORBIDDEN",
      );
      expect((await db.user.findUniqueOrThrow({ where: { id: someone.id } })).active).toBe(true);
    }
    expect((await refusal(listUsers(null))).code).toBe("UNAUTHENTICATED");
    expect((await refusal(createUser(null, staffInput()))).code).toBe("UNAUTHENTICATED");
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
  });

  it("never returns a password hash", async () => {
    const { users } = await listUsers(admin);
    // The hash exists in the table: only the client's default omission keeps it out.
    const stored = await db.user.findUniqueOrThrow({ where: { email: KALITA }, select: { passwordHash: true } });
    expect(stored.passwordHash).toMatch(/^\$2[aby]\$/);
    expect(users.length).toBeGreaterThan(0);
    for (const user of users) {
      expect(user).not.toHaveProperty("passwordHash");
      expect(JSON.stringify(user)).not.toContain(stored.passwordHash);
    }
  });
});

describe("createUser", () => {
  it("creates a staff account that can sign in, and writes user.created without the password", async () => {
    const input = staffInput();
    const { id } = await createUser(admin, input);
    expect(await signIn(input.email, PASSWORD)).toEqual({ userId: id });
    expect(await db.user.findUniqueOrThrow({ where: { id } })).toMatchObject({
      email: input.email,
      role: "SECRETARIAT",
      locale: "ru",
      active: true,
      personId: null,
    });
    const event = await db.auditEvent.findFirstOrThrow({ where: { subjectType: "User", subjectId: id, action: "user.created" } });
    expect(event.actorUserId).toBe(admin.userId);
    // Exactly these two facts: no password, no hash.
    expect(event.data).toEqual({ email: input.email, role: "SECRETARIAT" });
  });

  it("creates a delegate account linked to a free person", async () => {
    const person = await freePerson();
    const input = staffInput({ email: uniqueEmail("delegate"), role: "DELEGATE", locale: "ja", personId: person.id });
    const { id } = await createUser(admin, input);
    expect(await db.user.findUniqueOrThrow({ where: { id } })).toMatchObject({ role: "DELEGATE", personId: person.id, locale: "ja" });
    expect(await signIn(input.email, PASSWORD)).toEqual({ userId: id });
  });

  it("stores the e-mail trimmed and in lower case", async () => {
    const email = uniqueEmail("mixed");
    const { id } = await createUser(admin, staffInput({ email: `  ${email.toUpperCase()} ` }));
    expect((await db.user.findUniqueOrThrow({ where: { id } })).email).toBe(email);
  });

  it("does not link a staff account to a person", async () => {
    const person = await freePerson();
    const { id } = await createUser(admin, staffInput({ personId: person.id }));
    expect((await db.user.findUniqueOrThrow({ where: { id } })).personId).toBeNull();
  });

  it("refuses an e-mail already in use, whatever its case, as emailTaken", async () => {
    expect(await fieldErrorsOf(createUser(admin, staffInput({ email: KALITA })))).toEqual({ email: "emailTaken" });
    expect(await fieldErrorsOf(createUser(admin, staffInput({ email: ` ${KALITA.toUpperCase()}` })))).toEqual({
      email: "emailTaken",
    });
  });

  it("refuses a password shorter than 10 characters as passwordTooShort", async () => {
    const input = staffInput({ password: "Short-123" });
    expect(await fieldErrorsOf(createUser(admin, input))).toEqual({ password: "passwordTooShort" });
    expect(await db.user.findUnique({ where: { email: input.email } })).toBeNull();
  });

  it("refuses a password longer than 72 characters as tooLong", async () => {
    expect(await fieldErrorsOf(createUser(admin, staffInput({ password: "x".repeat(73) })))).toEqual({ password: "tooLong" });
  });

  // bcrypt looks at the first 72 bytes only; 72 characters of Cyrillic or Japanese are far more.
  it("never silently ignores the end of a long non-Latin password (refused at creation, or checked in full)", async () => {
    const password = `${"я".repeat(36)}-конец-A`; // 43 characters, 80 bytes in UTF-8
    const input = staffInput({ password });
    let created: { id: string } | null = null;
    try {
      created = await createUser(admin, input);
    } catch (error) {
      // Refusing such a password is an acceptable fix.
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).fieldErrors).toEqual({ password: "tooLong" });
      return;
    }
    expect(await signIn(input.email, password)).toEqual({ userId: created.id });
    const error = await refusal(signIn(input.email, `${"я".repeat(36)}-other-B`));
    expect(error.code).toBe("INVALID_CREDENTIALS");
  });

  it("refuses a delegate without a person as personId required", async () => {
    expect(await fieldErrorsOf(createUser(admin, staffInput({ role: "DELEGATE" })))).toEqual({ personId: "required" });
    expect(await fieldErrorsOf(createUser(admin, staffInput({ role: "DELEGATE", personId: "  " })))).toEqual({
      personId: "required",
    });
  });

  it("refuses a person already linked to another account as personTaken", async () => {
    const input = staffInput({ role: "DELEGATE", personId: kalita.personId });
    expect(await fieldErrorsOf(createUser(admin, input))).toEqual({ personId: "personTaken" });
    expect(await db.user.findUnique({ where: { email: input.email } })).toBeNull();
  });

  it("refuses missing or unknown fields with one error per field", async () => {
    expect(await fieldErrorsOf(createUser(admin, { email: "not an email", password: PASSWORD, displayName: "", role: "ROOT", locale: "de" }))).toEqual({
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
    await createUser(admin, staffInput({ email, role: "ADMIN", locale: "en" }));
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
    const before = await db.user.findUniqueOrThrow({ where: { id: me.userId } });
    for (const changes of [{ active: false }, { role: "SECRETARIAT" }, { role: "DELEGATE", personId: (await freePerson()).id }, { active: "off" }]) {
      expect(await fieldErrorsOf(updateUser(me, me.userId, await editFormOf(me.userId, changes)))).toEqual({ active: "selfLockout" });
    }
    expect(await db.user.findUniqueOrThrow({ where: { id: me.userId } })).toEqual(before);
    await expect(signIn(me.email, PASSWORD)).resolves.toEqual({ userId: me.userId });
  });

  it("lets an admin deactivate another admin", async () => {
    const other = await ownAdmin();
    await updateUser(admin, other.userId, await editFormOf(other.userId, { active: false }));
    expect((await db.user.findUniqueOrThrow({ where: { id: other.userId } })).active).toBe(false);
  });

  it("deactivating a user makes sign-in fail; reactivating makes it work again", async () => {
    const input = staffInput();
    const { id } = await createUser(admin, input);
    await updateUser(admin, id, await editFormOf(id, { active: false }));
    expect((await refusal(signIn(input.email, PASSWORD))).code).toBe("INVALID_CREDENTIALS");

    await updateUser(admin, id, await editFormOf(id, { active: "on" }));
    await expect(signIn(input.email, PASSWORD)).resolves.toEqual({ userId: id });
    const events = await db.auditEvent.findMany({ where: { subjectType: "User", subjectId: id, action: "user.updated" }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.data)).toEqual([
      { role: "SECRETARIAT", active: false, passwordReset: false },
      { role: "SECRETARIAT", active: true, passwordReset: false },
    ]);
  });

  it("resets the password: the new one works, the old one no longer does", async () => {
    const input = staffInput();
    const { id } = await createUser(admin, input);
    const newPassword = "Vladivostok-2025";
    await updateUser(admin, id, await editFormOf(id, { password: newPassword }));
    expect((await refusal(signIn(input.email, PASSWORD))).code).toBe("INVALID_CREDENTIALS");
    await expect(signIn(input.email, newPassword)).resolves.toEqual({ userId: id });
    const event = await db.auditEvent.findFirstOrThrow({ where: { subjectId: id, action: "user.updated" }, orderBy: { seq: "desc" } });
    expect(event.data).toMatchObject({ passwordReset: true });
    expect(JSON.stringify(event.data)).not.toContain(newPassword);
  });

  it("keeps the password when the field is left empty", async () => {
    const input = staffInput();
    const { id } = await createUser(admin, input);
    await updateUser(admin, id, await editFormOf(id, { displayName: "Другое имя", password: "" }));
    await expect(signIn(input.email, PASSWORD)).resolves.toEqual({ userId: id });
  });

  it("refuses a too short new password as passwordTooShort", async () => {
    const { id } = await createUser(admin, staffInput());
    expect(await fieldErrorsOf(updateUser(admin, id, await editFormOf(id, { password: "short" })))).toEqual({
      password: "passwordTooShort",
    });
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
    const form = { displayName: "Никто", role: "SECRETARIAT", locale: "ru", active: true, password: "" };
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
