import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { insertClause } from "@/lib/clauses/insert-clause";
import { MAX_CLAUSE_CHARS } from "@/lib/clauses/limits";
import { db } from "@/lib/db";
import { createTestCommunique, refusal } from "@/lib/testing/drafting-fixtures";
import { actorFor, ADMIN, SECRETARIAT, useTestDatabase } from "@/lib/testing/test-db";
import { saveLibraryClause } from "./save-library-clause";
import { libraryUsage, listTopics, searchLibrary } from "./search-library";
import { setLibraryClauseRetired } from "./set-library-clause-retired";

useTestDatabase();

let secretariat: Actor;
let admin: Actor;
let delegate: Actor;
let economy: string;

beforeAll(async () => {
  [secretariat, admin, delegate] = await Promise.all([actorFor(SECRETARIAT), actorFor(ADMIN), actorFor("kalita@blagoveshchensk.example")]);
  economy = (await db.agendaTopic.findUniqueOrThrow({ where: { key: "economy" } })).id;
});

/** A clause text no other test uses, so that a search finds exactly it. */
const marker = () => `Маркер${randomUUID().slice(0, 8)}`;
const auditCount = () => db.auditEvent.count();

describe("saveLibraryClause", () => {
  it("adds a clause under a topic, cleaned as the editor cleans, with its audit event; search finds it", async () => {
    const word = marker();
    const { id } = await saveLibraryClause(secretariat, { topicId: economy, textRu: `  Стороны   договорились о ${word}.  `, textJa: "双方は、合意した。" });
    expect(await db.libraryClause.findUniqueOrThrow({ where: { id } })).toMatchObject({ topicId: economy, textRu: `Стороны договорились о ${word}.`, retiredAt: null });
    expect((await searchLibrary(secretariat, { q: word })).map((c) => c.id)).toEqual([id]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { subjectType: "LibraryClause", subjectId: id } });
    expect(event).toMatchObject({ action: "library.clause-created", actorUserId: secretariat.userId });
  });

  it("keeps markup typed as text: tags, entities and whatever lies between < and >", async () => {
    const word = marker();
    const textRu = `Рост товарооборота составил <5% при условии, что a<b и c>d. <script>alert(1)</script> и <b>${word}</b> &lt; &#1076;`;
    const textJa = "双方は、<i>協力</i>を確認した。&amp;";
    const { id } = await saveLibraryClause(secretariat, { topicId: economy, textRu: `  ${textRu}\u0007 `, textJa });
    expect(await db.libraryClause.findUniqueOrThrow({ where: { id } })).toMatchObject({ textRu, textJa });
    // Only over-long text is refused, measured as typed: markup counts.
    const over = `<b>${"я".repeat(MAX_CLAUSE_CHARS - 6)}</b>`;
    expect((await refusal(saveLibraryClause(secretariat, { textRu: over, textJa }))).fieldErrors).toEqual({ textRu: "clauseTooLong" });
  });

  it("edits a clause's texts and moves it to another topic", async () => {
    const { id } = await saveLibraryClause(secretariat, { topicId: economy, textRu: `Текст ${marker()}.`, textJa: "本文。" });
    const tourism = (await db.agendaTopic.findUniqueOrThrow({ where: { key: "tourism" } })).id;
    await saveLibraryClause(secretariat, { id, topicId: tourism, textRu: "Новый текст.", textJa: "新しい本文。" });
    expect(await db.libraryClause.findUniqueOrThrow({ where: { id } })).toMatchObject({ topicId: tourism, textRu: "Новый текст.", textJa: "新しい本文。" });
  });

  it("refuses an empty language, an over-long text and an unknown topic, naming the field, and writes nothing", async () => {
    const before = [await db.libraryClause.count(), await auditCount()];
    expect((await refusal(saveLibraryClause(secretariat, { textRu: "Текст.", textJa: "  " }))).fieldErrors).toEqual({ textJa: "required" });
    expect((await refusal(saveLibraryClause(secretariat, { textRu: "я".repeat(MAX_CLAUSE_CHARS + 1), textJa: "本文。" }))).fieldErrors).toEqual({ textRu: "clauseTooLong" });
    expect((await refusal(saveLibraryClause(secretariat, { topicId: "no-such-topic", textRu: "Текст.", textJa: "本文。" }))).fieldErrors).toEqual({ topicId: "invalid" });
    expect((await refusal(saveLibraryClause(secretariat, { textRu: "Текст 🙂.", textJa: "本文。" }))).code).toBe("MISSING_GLYPHS");
    expect([await db.libraryClause.count(), await auditCount()]).toEqual(before);
  });

  it("refuses the admin and a delegate with FORBIDDEN, and an unknown clause with NOT_FOUND", async () => {
    for (const actor of [admin, delegate]) {
      expect((await refusal(saveLibraryClause(actor, { textRu: "Текст.", textJa: "本文。" }))).code).toBe("FORBIDDEN");
    }
    expect((await refusal(saveLibraryClause(secretariat, { id: "no-such-clause", textRu: "Текст.", textJa: "本文。" }))).code).toBe("NOT_FOUND");
  });
});

describe("retiring a library clause", () => {
  it("hides it from the editor's search and from insertion, lists it among the retired, and brings it back", async () => {
    const word = marker();
    const { id } = await saveLibraryClause(secretariat, { textRu: `Пункт ${word}.`, textJa: "条項。" });
    await setLibraryClauseRetired(secretariat, { id, retired: "true" });
    expect(await searchLibrary(secretariat, { q: word })).toEqual([]);
    expect((await searchLibrary(secretariat, { q: word, retired: true })).map((c) => c.id)).toEqual([id]);
    const { communiqueId } = await createTestCommunique(secretariat);
    expect((await refusal(insertClause(secretariat, { communiqueId, position: 0, libraryClauseId: id }))).code).toBe("NOT_FOUND");
    expect(await db.clause.count({ where: { communiqueId } })).toBe(0);
    await setLibraryClauseRetired(secretariat, { id, retired: "false" });
    await insertClause(secretariat, { communiqueId, position: 0, libraryClauseId: id });
    const actions = (await db.auditEvent.findMany({ where: { subjectId: id }, orderBy: { seq: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["library.clause-created", "library.clause-retired", "library.clause-restored"]);
  });

  it("refuses a delegate, and changes nothing", async () => {
    const { id } = await saveLibraryClause(secretariat, { textRu: `Пункт ${marker()}.`, textJa: "条項。" });
    expect((await refusal(setLibraryClauseRetired(delegate, { id, retired: "true" }))).code).toBe("FORBIDDEN");
    expect((await db.libraryClause.findUniqueOrThrow({ where: { id } })).retiredAt).toBeNull();
  });
});

describe("libraryUsage", () => {
  it("names the communiqués that took a clause, once each", async () => {
    const { id } = await saveLibraryClause(secretariat, { textRu: `Пункт ${marker()}.`, textJa: "条項。" });
    const { communiqueId } = await createTestCommunique(secretariat);
    await insertClause(secretariat, { communiqueId, position: 0, libraryClauseId: id });
    await insertClause(secretariat, { communiqueId, position: 1, libraryClauseId: id });
    const usage = await libraryUsage(secretariat, [id]);
    expect(usage.get(id)?.map((c) => c.id)).toEqual([communiqueId]);
  });

  it("offers only topics in use", async () => {
    const topic = await db.agendaTopic.create({ data: { key: `retired-${randomUUID()}`, nameRu: "старая тема", nameJa: "旧テーマ", retiredAt: new Date() } });
    expect((await listTopics(secretariat)).map((t) => t.id)).not.toContain(topic.id);
  });
});
