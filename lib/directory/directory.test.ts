import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { refusal } from "@/lib/testing/drafting-fixtures";
import { actorFor, ADMIN, SECRETARIAT, useTestDatabase } from "@/lib/testing/test-db";
import { directoryChoices, listDirectory } from "./list-directory";
import { saveEntry } from "./save-entry";
import { setRetired } from "./set-retired";

useTestDatabase();

let secretariat: Actor;
let admin: Actor;
let delegate: Actor;

beforeAll(async () => {
  [secretariat, admin, delegate] = await Promise.all([actorFor(SECRETARIAT), actorFor(ADMIN), actorFor("nakahara@niigata.example")]);
});

/** A name no other test (on a shared database) uses. */
const unique = (base: string) => `${base}${randomUUID().slice(0, 6)}`;

const auditCount = () => db.auditEvent.count();

describe("saveEntry", () => {
  it("creates a city with its Russian locative, writes the audit event, and lists it by either name", async () => {
    const nameRu = unique("Владивосток");
    const { id } = await saveEntry(secretariat, { kind: "city", side: "RU", nameRu, nameJa: unique("ウラジオストク市"), nameLocativeRu: `${nameRu}е` });
    expect(await db.city.findUniqueOrThrow({ where: { id } })).toMatchObject({ nameRu, nameLocativeRu: `${nameRu}е`, retiredAt: null });
    const event = await db.auditEvent.findFirstOrThrow({ where: { subjectType: "City", subjectId: id } });
    expect(event).toMatchObject({ action: "city.created", actorUserId: secretariat.userId });
    const byRu = await listDirectory(secretariat, "city", { q: nameRu.toLowerCase() });
    expect(byRu.rows.map((r) => r.id)).toEqual([id]);
    const city = await db.city.findUniqueOrThrow({ where: { id } });
    expect((await listDirectory(secretariat, "city", { q: city.nameJa })).rows.map((r) => r.id)).toEqual([id]);
  });

  it("lets the admin keep the directory too", async () => {
    const { id } = await saveEntry(admin, { kind: "topic", nameRu: unique("туризм"), nameJa: unique("観光") });
    expect((await db.agendaTopic.findUniqueOrThrow({ where: { id } })).key).toMatch(/^topic-/);
  });

  it("edits an entry in place and records what it became", async () => {
    const { id } = await saveEntry(secretariat, { kind: "person", side: "RU", nameRu: unique("Шестаков К. В."), nameJa: unique("K・V・シェスタコフ"), locale: "ru" });
    const nameRu = unique("Шестаков К. В.");
    await saveEntry(secretariat, { kind: "person", id, side: "RU", nameRu, nameJa: "K・V・シェスタコフ", email: "Shestakov@Vladivostok.example", locale: "ru" });
    expect(await db.person.findUniqueOrThrow({ where: { id } })).toMatchObject({ nameRu, email: "shestakov@vladivostok.example" });
    const events = await db.auditEvent.findMany({ where: { subjectType: "Person", subjectId: id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["person.created", "person.updated"]);
  });

  it("refuses a delegate and an anonymous caller, and writes nothing", async () => {
    const before = await auditCount();
    const input = { kind: "city", side: "RU", nameRu: unique("Город"), nameJa: unique("市"), nameLocativeRu: "Городе" };
    expect((await refusal(saveEntry(delegate, input))).code).toBe("FORBIDDEN");
    expect((await refusal(saveEntry(null, input))).code).toBe("UNAUTHENTICATED");
    expect(await db.city.count({ where: { nameRu: input.nameRu } })).toBe(0);
    expect(await auditCount()).toBe(before);
  });

  it("refuses empty names in one language, overlong fields and characters the PDF cannot draw, naming each field", async () => {
    const before = await auditCount();
    const error = await refusal(
      saveEntry(secretariat, { kind: "association", side: "JP", nameRu: "  ", nameJa: "協".repeat(301), nameGenitiveRu: "Ассоциации 🙂" }),
    );
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors).toEqual({ nameRu: "required", nameJa: "tooLong", nameGenitiveRu: "undrawable" });
    expect(await auditCount()).toBe(before);
  });

  it("refuses a second city of the same name on the same side, and a second person with the same e-mail", async () => {
    const seeded = await db.city.findFirstOrThrow({ where: { nameRu: "Хабаровск" } });
    const error = await refusal(saveEntry(secretariat, { kind: "city", side: "RU", nameRu: "хабаровск", nameJa: unique("市"), nameLocativeRu: "Хабаровске" }));
    expect(error.fieldErrors).toEqual({ nameRu: "duplicate" });
    // Editing the city itself with its own name is no clash.
    await saveEntry(secretariat, { kind: "city", id: seeded.id, side: "RU", nameRu: seeded.nameRu, nameJa: seeded.nameJa, nameLocativeRu: seeded.nameLocativeRu });
    const taken = await refusal(saveEntry(secretariat, { kind: "person", side: "JP", nameRu: unique("Х"), nameJa: unique("ハ"), email: "NAKAHARA@niigata.example", locale: "ja" }));
    expect(taken.fieldErrors).toEqual({ email: "emailTaken" });
  });

  it("answers NOT_FOUND when the entry to edit does not exist, and VALIDATION for an unknown kind", async () => {
    expect((await refusal(saveEntry(secretariat, { kind: "topic", id: "no-such-topic", nameRu: "а", nameJa: "あ" }))).code).toBe("NOT_FOUND");
    expect((await refusal(saveEntry(secretariat, { kind: "planet", nameRu: "а" }))).fieldErrors).toEqual({ kind: "invalid" });
  });
});

describe("setRetired", () => {
  it("retires a city: it leaves the pickers and the default list, stays on its meetings, and comes back when restored", async () => {
    const { id } = await saveEntry(secretariat, { kind: "city", side: "JP", nameRu: unique("Отару"), nameJa: unique("小樽市"), nameLocativeRu: "Отару" });
    await setRetired(secretariat, { kind: "city", id, retired: "true" });
    expect((await directoryChoices(secretariat)).cities.map((c) => c.id)).not.toContain(id);
    expect((await listDirectory(secretariat, "city")).rows.map((c) => c.id)).not.toContain(id);
    expect((await listDirectory(secretariat, "city", { retired: true })).rows.map((c) => c.id)).toContain(id);
    await setRetired(secretariat, { kind: "city", id, retired: "false" });
    expect((await directoryChoices(secretariat)).cities.map((c) => c.id)).toContain(id);
    const actions = (await db.auditEvent.findMany({ where: { subjectId: id }, orderBy: { seq: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["city.created", "city.retired", "city.restored"]);
  });

  it("keeps a retired person on the meeting they took part in", async () => {
    const kalita = await db.person.findFirstOrThrow({ where: { email: "kalita@blagoveshchensk.example" } });
    await setRetired(secretariat, { kind: "person", id: kalita.id, retired: "true" });
    try {
      const xxvii = await db.meeting.findUniqueOrThrow({ where: { number: 27 }, include: { participants: true } });
      expect(xxvii.participants.map((p) => p.personId)).toContain(kalita.id);
      expect((await directoryChoices(secretariat)).people.map((p) => p.id)).not.toContain(kalita.id);
    } finally {
      await setRetired(secretariat, { kind: "person", id: kalita.id, retired: "false" });
    }
  });

  it("does nothing when the entry is already in that state", async () => {
    const { id } = await saveEntry(secretariat, { kind: "topic", nameRu: unique("спорт"), nameJa: unique("スポーツ") });
    const before = await auditCount();
    await setRetired(secretariat, { kind: "topic", id, retired: "false" });
    expect(await auditCount()).toBe(before);
  });

  it("refuses to restore an entry beside a newer one of the same name", async () => {
    const nameRu = unique("Ванино");
    const old = await saveEntry(secretariat, { kind: "city", side: "RU", nameRu, nameJa: unique("ワニノ"), nameLocativeRu: "Ванино" });
    await setRetired(secretariat, { kind: "city", id: old.id, retired: "true" });
    await saveEntry(secretariat, { kind: "city", side: "RU", nameRu, nameJa: unique("ワニノ"), nameLocativeRu: "Ванино" });
    expect((await refusal(setRetired(secretariat, { kind: "city", id: old.id, retired: "false" }))).code).toBe("DUPLICATE_ENTRY");
    expect((await db.city.findUniqueOrThrow({ where: { id: old.id } })).retiredAt).not.toBeNull();
  });

  it("refuses delegates, unknown entries and a malformed state", async () => {
    const city = await db.city.findFirstOrThrow({ where: { nameRu: "Тояма" } });
    expect((await refusal(setRetired(delegate, { kind: "city", id: city.id, retired: "true" }))).code).toBe("FORBIDDEN");
    expect((await refusal(setRetired(secretariat, { kind: "city", id: "nope", retired: "true" }))).code).toBe("NOT_FOUND");
    expect((await refusal(setRetired(secretariat, { kind: "city", id: city.id, retired: "maybe" }))).fieldErrors).toEqual({ retired: "invalid" });
    expect((await db.city.findUniqueOrThrow({ where: { id: city.id } })).retiredAt).toBeNull();
  });
});

describe("listDirectory", () => {
  it("refuses delegates", async () => {
    expect((await refusal(listDirectory(delegate, "person"))).code).toBe("FORBIDDEN");
  });

  it("shows what uses each entry and whether a person has an account", async () => {
    const { rows } = await listDirectory(secretariat, "person", { q: "kravchuk@" });
    expect(rows).toHaveLength(1);
    // Counted against the rows themselves: on a shared database other files' meetings use him too.
    const personId = rows[0]!.id;
    const [heads, participants, signatories] = await Promise.all([
      db.delegation.count({ where: { headPersonId: personId } }),
      db.participant.count({ where: { personId } }),
      db.signatory.count({ where: { personId } }),
    ]);
    expect(heads).toBeGreaterThanOrEqual(1);
    expect(rows[0]).toMatchObject({ nameRu: "Кравчук С. А.", _count: { heads, participants, signatories } });
    expect(rows[0]).toMatchObject({ user: { active: true } });
  });
});
