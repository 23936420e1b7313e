import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { deleteClause } from "@/lib/clauses/delete-clause";
import { insertClause } from "@/lib/clauses/insert-clause";
import { updateClauseText } from "@/lib/clauses/update-clause-text";
import { db } from "@/lib/db";
import { createTestCommunique, KALITA, refusal, seededLibraryClause, type LibraryKey } from "@/lib/testing/drafting-fixtures";
import { actorFor, ADMIN, SECRETARIAT, useTestDatabase } from "@/lib/testing/test-db";
import { saveToLibrary } from "./save-to-library";
import { listTopics, searchLibrary } from "./search-library";

useTestDatabase();

let secretariat: Actor;
let admin: Actor;
let kalita: Actor;
const ids = new Map<LibraryKey, string>();
let economy: string;
let tourism: string;

const SEEDED: LibraryKey[] = [
  "eight-point-plan",
  "energy-and-ports",
  "freight",
  "business-missions",
  "visa-facilitation",
  "tourism-exchanges",
  "cruise-ports",
  "peace-treaty",
  "exchange-year",
  "broad-cooperation",
];

beforeAll(async () => {
  [secretariat, admin, kalita] = await Promise.all([actorFor(SECRETARIAT), actorFor(ADMIN), actorFor(KALITA)]);
  for (const key of SEEDED) ids.set(key, (await seededLibraryClause(key)).id);
  economy = (await db.agendaTopic.findUniqueOrThrow({ where: { key: "economy" } })).id;
  tourism = (await db.agendaTopic.findUniqueOrThrow({ where: { key: "tourism" } })).id;
});

const id = (key: LibraryKey) => ids.get(key)!;
const search = async (q: string, topicId?: string) =>
  (await searchLibrary(secretariat, topicId === undefined ? { q } : { q, topicId })).map((c) => c.id);
/** The seeded clauses a search finds (a shared database may hold more library clauses). */
const seededHits = async (q: string, topicId?: string) => {
  const found = new Set(await search(q, topicId));
  return SEEDED.filter((key) => found.has(id(key)));
};

describe("searchLibrary", () => {
  it("finds the visa clauses by a Russian word prefix, whatever the case", async () => {
    // "визов" starts "визовых" (visa-facilitation) and "визовой" (eight-point-plan).
    for (const q of ["визов", "ВИЗОВ", "Визов", "вИзОв"]) {
      expect(await seededHits(q), q).toEqual(["eight-point-plan", "visa-facilitation"]);
    }
  });

  it("matches Russian at the start of a word only", async () => {
    // "зовых" is inside "визовых", not the start of a word.
    expect(await seededHits("зовых")).toEqual([]);
    expect(await seededHits("визовых")).toEqual(["visa-facilitation"]);
  });

  it("finds clauses by a Japanese substring", async () => {
    expect(await seededHits("査証")).toEqual(["eight-point-plan", "visa-facilitation"]);
    expect(await seededHits("査証要件")).toEqual(["visa-facilitation"]);
    expect(await seededHits("クルーズ船")).toEqual(["cruise-ports"]);
  });

  it("requires every word of the query to match", async () => {
    expect(await seededHits("визов кратчайшие")).toEqual(["visa-facilitation"]);
    expect(await seededHits("визов 電子ビザ")).toEqual(["eight-point-plan"]);
    // Each word alone matches something, but no clause has both.
    expect(await seededHits("круизные")).toEqual(["cruise-ports"]);
    expect(await seededHits("визов круизные")).toEqual([]);
    // Extra spaces between words do not matter.
    expect(await seededHits("  визов   кратчайшие  ")).toEqual(["visa-facilitation"]);
  });

  it("answers [] when nothing matches", async () => {
    expect(await searchLibrary(secretariat, { q: "абракадабра" })).toEqual([]);
    expect(await searchLibrary(secretariat, { q: "存在しない語句" })).toEqual([]);
  });

  it("takes special characters literally and does not break on them", async () => {
    for (const q of ["%", "_", "(", ")", "[", "\\", "*", "+", "?", ".", "'", '"', "%%", "виз.в", "';--"]) {
      const results = await searchLibrary(secretariat, { q });
      // Neither LIKE nor regular-expression wildcards: whatever is found has the characters literally.
      for (const clause of results) {
        expect(`${clause.textRu}\n${clause.textJa}`.toLowerCase(), q).toContain(q.toLowerCase());
      }
      expect(results.map((c) => c.id), q).not.toContain(id("visa-facilitation"));
    }
  });

  it("returns every library clause for an empty query, oldest first, with its topic", async () => {
    const all = await searchLibrary(secretariat, { q: "" });
    const found = all.map((c) => c.id);
    expect(found.slice(0, SEEDED.length).sort()).toEqual(SEEDED.map(id).sort());
    const visa = all.find((c) => c.id === id("visa-facilitation"))!;
    expect(visa.topic).toMatchObject({ key: "tourism", nameRu: "туризм", nameJa: "観光" });
    expect(all.find((c) => c.id === id("peace-treaty"))!.topic).toBeNull();
    expect(await searchLibrary(secretariat, {})).toEqual(all);
  });

  it("filters by topic", async () => {
    expect(await seededHits("", tourism)).toEqual(["visa-facilitation", "tourism-exchanges", "cruise-ports"]);
    expect(await seededHits("", economy)).toEqual(["eight-point-plan", "energy-and-ports", "freight", "business-missions"]);
    expect(await seededHits("визов", tourism)).toEqual(["visa-facilitation"]);
    expect(await seededHits("визов", economy)).toEqual(["eight-point-plan"]);
    for (const clause of await searchLibrary(secretariat, { q: "", topicId: tourism })) {
      expect(clause.topicId).toBe(tourism);
    }
    expect(await searchLibrary(secretariat, { q: "", topicId: "no-such-topic" })).toEqual([]);
  });

  it("refuses a query over 200 characters with VALIDATION", async () => {
    const error = await refusal(searchLibrary(secretariat, { q: "а".repeat(201) }));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors).toHaveProperty("q");
  });

  it("lists the topics", async () => {
    const topics = await listTopics(secretariat);
    const keys = topics.map((t) => t.key);
    expect(keys).toEqual([...keys].sort());
    expect(topics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: economy, key: "economy", nameRu: "экономика", nameJa: "経済" }),
        expect.objectContaining({ id: tourism, key: "tourism", nameRu: "туризм", nameJa: "観光" }),
      ]),
    );
  });
});

describe("saveToLibrary", () => {
  let communiqueId: string;
  let clauseId: string;
  const word = `квазар${randomUUID().slice(0, 8)}`;
  const textRu = `Стороны договорились изучить ${word} совместно.`;
  const textJa = `双方は、${word}を共同で研究することで合意した。`;

  beforeAll(async () => {
    ({ communiqueId } = await createTestCommunique(secretariat));
    ({ id: clauseId } = await insertClause(secretariat, { communiqueId, position: 0 }));
    await updateClauseText(secretariat, { clauseId, lang: "ru", text: textRu, baseVersion: 1 });
    await updateClauseText(secretariat, { clauseId, lang: "ja", text: textJa, baseVersion: 2 });
  });

  it("saves a draft clause in both languages under a topic, and it can be found", async () => {
    expect(await search(word)).toEqual([]);
    const { id: saved } = await saveToLibrary(secretariat, { clauseId, topicId: tourism });
    const row = await db.libraryClause.findUniqueOrThrow({ where: { id: saved } });
    expect(row).toMatchObject({ textRu, textJa, topicId: tourism });

    expect(await search(word)).toEqual([saved]);
    expect(await search(word.toUpperCase())).toEqual([saved]);
    expect(await search(word, tourism)).toEqual([saved]);
    expect(await search(word, economy)).toEqual([]);
    expect(await search("共同で研究")).toContain(saved);

    const events = await db.auditEvent.findMany({ where: { subjectType: "LibraryClause", subjectId: saved } });
    expect(events.map((e) => [e.action, e.actorUserId, e.data])).toEqual([
      ["library.clause-saved", secretariat.userId, { fromClause: clauseId, topicId: tourism }],
    ]);

    // A library clause inserted back into a draft comes with both texts, in sync.
    const { id: inserted } = await insertClause(secretariat, { communiqueId, position: 1, libraryClauseId: saved });
    expect(await db.clause.findUniqueOrThrow({ where: { id: inserted } })).toMatchObject({ textRu, textJa, ruStale: false, jaStale: false });
  });

  it("saves without a topic", async () => {
    const { id: saved } = await saveToLibrary(secretariat, { clauseId, topicId: "  " });
    expect((await db.libraryClause.findUniqueOrThrow({ where: { id: saved } })).topicId).toBeNull();
    expect(await search(word)).toContain(saved);
    expect(await search(word, tourism)).not.toContain(saved);
  });

  it("refuses an unknown topic with VALIDATION, saving nothing", async () => {
    const before = await db.libraryClause.count();
    const error = await refusal(saveToLibrary(secretariat, { clauseId, topicId: "no-such-topic" }));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors).toEqual({ topicId: "invalid" });
    expect(await db.libraryClause.count()).toBe(before);
  });

  it("refuses an empty clause with EMPTY_CLAUSES and a deleted or unknown one with NOT_FOUND", async () => {
    const before = await db.libraryClause.count();
    const { id: empty } = await insertClause(secretariat, { communiqueId, position: 0 });
    expect((await refusal(saveToLibrary(secretariat, { clauseId: empty, topicId: economy }))).code).toBe("EMPTY_CLAUSES");
    await deleteClause(secretariat, { clauseId: empty });
    expect((await refusal(saveToLibrary(secretariat, { clauseId: empty }))).code).toBe("NOT_FOUND");
    expect((await refusal(saveToLibrary(secretariat, { clauseId: "no-such-clause" }))).code).toBe("NOT_FOUND");
    expect(await db.libraryClause.count()).toBe(before);
  });
});

describe("library permissions", () => {
  it("refuses a delegate and the admin with FORBIDDEN for search, topics and save", async () => {
    const { communiqueId } = await createTestCommunique(secretariat);
    const lib = await seededLibraryClause("exchange-year");
    const { id: clauseId } = await insertClause(secretariat, { communiqueId, position: 0, libraryClauseId: lib.id });
    const before = await db.libraryClause.count();
    for (const actor of [kalita, admin]) {
      expect((await refusal(searchLibrary(actor, { q: "визов" }))).code, actor.email).toBe("FORBIDDEN");
      expect((await refusal(listTopics(actor))).code, actor.email).toBe("FORBIDDEN");
      expect((await refusal(saveToLibrary(actor, { clauseId, topicId: tourism }))).code, actor.email).toBe("FORBIDDEN");
    }
    expect((await refusal(searchLibrary(null, { q: "визов" }))).code).toBe("UNAUTHENTICATED");
    expect((await refusal(listTopics(null))).code).toBe("UNAUTHENTICATED");
    expect((await refusal(saveToLibrary(null, { clauseId }))).code).toBe("UNAUTHENTICATED");
    expect(await db.libraryClause.count()).toBe(before);
  });
});

describe("search words wrapped in punctuation", () => {
  it("ignores punctuation around a word (a bracket, a quote, a stray %)", async () => {
    const secretariat = await actorFor(SECRETARIAT);
    const found = await searchLibrary(secretariat, { q: "(въездной" });
    expect(found.some((c) => c.textRu.includes("(въездной"))).toBe(true);
    const ids = async (q: string) => (await searchLibrary(secretariat, { q })).map((c) => c.id);
    expect(await ids("виз%")).toEqual(await ids("виз"));
    expect(await ids("«Года")).toEqual(await ids("Года"));
  });
});
