import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { insertClause } from "@/lib/clauses/insert-clause";
import { moveClause } from "@/lib/clauses/move-clause";
import { updateClauseText } from "@/lib/clauses/update-clause-text";
import { draftContent, loadDraftSources } from "@/lib/communiques/draft-sources";
import { getDraft } from "@/lib/communiques/get-draft";
import { setNumbering } from "@/lib/communiques/set-numbering";
import { db } from "@/lib/db";
import { canonicalJson } from "@/lib/hash/canonical";
import { createTestCommunique, KALITA, refusal, seededLibraryClause } from "@/lib/testing/drafting-fixtures";
import { actorFor, ADMIN, SECRETARIAT, useTestDatabase } from "@/lib/testing/test-db";
import { compareContents } from "./compare-contents";
import { getRevision, listRevisions } from "./list-revisions";
import { revisionHash, type RevisionPayload } from "./revision-payload";
import { saveRevision } from "./save-revision";

useTestDatabase();

let secretariat: Actor;
let admin: Actor;
let kalita: Actor;
let communiqueId: string;
let meetingId: string;
let clauseA: string;
let clauseB: string;

beforeAll(async () => {
  [secretariat, admin, kalita] = await Promise.all([actorFor(SECRETARIAT), actorFor(ADMIN), actorFor(KALITA)]);
  ({ communiqueId, meetingId } = await createTestCommunique(secretariat));
  const [a, b] = await Promise.all([seededLibraryClause("freight"), seededLibraryClause("cruise-ports")]);
  ({ id: clauseA } = await insertClause(secretariat, { communiqueId, position: 0, libraryClauseId: a.id }));
  ({ id: clauseB } = await insertClause(secretariat, { communiqueId, position: 1, libraryClauseId: b.id }));
});

/** The payload a revision of the communiqué would freeze now, built from the database. */
async function currentPayload(id = communiqueId): Promise<RevisionPayload> {
  const { content, facts } = draftContent(await loadDraftSources(db, id));
  return { schema: 1, content, facts };
}

/** The same value with the keys of every object in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).reverse().map(([k, v]) => [k, reverseKeys(v)]));
  }
  return value;
}

const revisionEvents = () =>
  db.auditEvent.findMany({ where: { subjectType: "Communique", subjectId: communiqueId, action: "revision.created" }, orderBy: { seq: "asc" } });

describe("saveRevision", () => {
  let first: Awaited<ReturnType<typeof saveRevision>>;

  it("freezes the draft as revision 1", async () => {
    first = await saveRevision(secretariat, communiqueId);
    expect(first).toMatchObject({ number: 1, created: true });
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    const stored = await db.revision.findUniqueOrThrow({ where: { id: first.id } });
    expect(stored).toMatchObject({ communiqueId, number: 1, hash: first.hash, authorId: secretariat.userId });
    // The frozen content is the draft's content as the editor shows it.
    const draft = await getDraft(secretariat, communiqueId);
    expect((stored.content as unknown as RevisionPayload).content).toEqual(JSON.parse(JSON.stringify(draft.content)));
    expect(draft.latestRevision).toEqual({ id: first.id, number: 1, hash: first.hash });
    const events = await revisionEvents();
    expect(events.map((e) => e.data)).toEqual([{ revision: first.id, number: 1, hash: first.hash, reason: "saved", previous: null }]);
  });

  it("returns the same revision when nothing changed (created false)", async () => {
    const again = await saveRevision(secretariat, communiqueId);
    expect(again).toEqual({ ...first, created: false });
    expect(await db.revision.count({ where: { communiqueId } })).toBe(1);
    expect(await revisionEvents()).toHaveLength(1);
  });

  it("returns the same revision after changes that were undone", async () => {
    await moveClause(secretariat, { clauseId: clauseB, toIndex: 0 });
    await moveClause(secretariat, { clauseId: clauseB, toIndex: 1 });
    await setNumbering(secretariat, communiqueId, true);
    await setNumbering(secretariat, communiqueId, false);
    expect(await saveRevision(secretariat, communiqueId)).toEqual({ ...first, created: false });
  });

  it("makes revision 2 with a different hash after an edit", async () => {
    await updateClauseText(secretariat, { clauseId: clauseA, lang: "ru", text: "Стороны обсудили грузоперевозки.", baseVersion: 1 });
    const second = await saveRevision(secretariat, communiqueId);
    expect(second).toMatchObject({ number: 2, created: true });
    expect(second.hash).not.toBe(first.hash);
    expect((await revisionEvents()).map((e) => e.data)).toContainEqual({
      revision: second.id,
      number: 2,
      hash: second.hash,
      reason: "saved",
      previous: first.hash,
    });
    // Revision 1 still holds the text it froze.
    const one = await getRevision(secretariat, communiqueId, first.id);
    const blockA = one.payload.content.blocks.find((b) => b.id === `clause-${clauseA}`);
    expect(blockA && "text" in blockA ? blockA.text.ru : null).not.toBe("Стороны обсудили грузоперевозки.");
    const diff = compareContents(one.payload.content, (await getRevision(secretariat, communiqueId, second.id)).payload.content);
    expect(diff.filter((d) => d.status !== "same").map((d) => d.id)).toEqual([`clause-${clauseA}`]);
  });

  it("makes a new revision when only the meeting's facts changed", async () => {
    const before = await saveRevision(secretariat, communiqueId);
    await db.meeting.update({ where: { id: meetingId }, data: { nextYear: 2033 } });
    const after = await saveRevision(secretariat, communiqueId);
    expect(after).toMatchObject({ number: before.number + 1, created: true });
    expect((await getRevision(secretariat, communiqueId, after.id)).payload.facts.nextMeeting.year).toBe(2033);
    expect((await getRevision(secretariat, communiqueId, before.id)).payload.facts.nextMeeting.year).not.toBe(2033);
  });

  it("is refused once the communiqué is approved (NOT_ALLOWED_NOW)", async () => {
    const { communiqueId: other } = await createTestCommunique(secretariat);
    await db.communique.update({ where: { id: other }, data: { status: "APPROVED" } });
    const error = await refusal(saveRevision(secretariat, other));
    expect(error.code).toBe("NOT_ALLOWED_NOW");
    expect(error.params).toEqual({ state: "APPROVED", event: "SAVE_REVISION" });
    expect(await db.revision.count({ where: { communiqueId: other } })).toBe(0);
  });
});

describe("revision hashes", () => {
  it("re-hashes every stored revision's content to its stored hash", async () => {
    const revisions = await db.revision.findMany({ where: { communiqueId } });
    expect(revisions.length).toBeGreaterThanOrEqual(3);
    for (const revision of revisions) {
      expect(revisionHash(revision.content as unknown as RevisionPayload), `revision ${revision.number}`).toBe(revision.hash);
    }
  });

  it("gives the same content built twice the same hash, whatever the key order", async () => {
    const one = await currentPayload();
    const two = await currentPayload();
    expect(one).not.toBe(two);
    expect(revisionHash(two)).toBe(revisionHash(one));
    const shuffled = reverseKeys(one) as RevisionPayload;
    expect(Object.keys(shuffled)).toEqual([...Object.keys(one)].reverse());
    expect(JSON.stringify(shuffled)).not.toBe(JSON.stringify(one));
    expect(revisionHash(shuffled)).toBe(revisionHash(one));
    expect(canonicalJson(shuffled)).toBe(canonicalJson(one));
    // And it is the hash the latest revision was saved with (nothing changed since).
    const latest = await db.revision.findFirstOrThrow({ where: { communiqueId }, orderBy: { number: "desc" } });
    expect(revisionHash(one)).toBe(latest.hash);
  });

  it("gives any change anywhere a different hash", async () => {
    const base = await currentPayload();
    const hash = revisionHash(base);
    const clause = structuredClone(base);
    const block = clause.content.blocks.find((b) => b.kind === "clause");
    if (!block || block.kind === "participants") throw new Error("no clause");
    block.text.ja += "。";
    expect(revisionHash(clause)).not.toBe(hash);
    const order = structuredClone(base);
    order.content.signatories.reverse();
    expect(revisionHash(order)).not.toBe(hash);
    const facts = structuredClone(base);
    facts.facts.signing.date = "2019-08-25";
    expect(revisionHash(facts)).not.toBe(hash);
  });
});

describe("revision immutability", () => {
  let revisionId: string;
  let stored: Awaited<ReturnType<typeof db.revision.findUniqueOrThrow>>;

  beforeAll(async () => {
    revisionId = (await db.revision.findFirstOrThrow({ where: { communiqueId }, orderBy: { number: "asc" } })).id;
    stored = await db.revision.findUniqueOrThrow({ where: { id: revisionId } });
  });

  it("refuses a raw SQL UPDATE", async () => {
    await expect(db.$executeRaw`UPDATE "Revision" SET "hash" = 'forged' WHERE "id" = ${revisionId}`).rejects.toThrow(/IMMUTABLE_ROW/);
  });

  it("refuses a raw SQL DELETE", async () => {
    await expect(db.$executeRaw`DELETE FROM "Revision" WHERE "id" = ${revisionId}`).rejects.toThrow(/IMMUTABLE_ROW/);
  });

  it("refuses a Prisma update and updateMany", async () => {
    await expect(db.revision.update({ where: { id: revisionId }, data: { content: { forged: true } } })).rejects.toThrow(/IMMUTABLE_ROW/);
    await expect(db.revision.updateMany({ where: { communiqueId }, data: { hash: "forged" } })).rejects.toThrow(/IMMUTABLE_ROW/);
  });

  it("refuses a Prisma delete and deleteMany", async () => {
    await expect(db.revision.delete({ where: { id: revisionId } })).rejects.toThrow(/IMMUTABLE_ROW/);
    await expect(db.revision.deleteMany({ where: { communiqueId } })).rejects.toThrow(/IMMUTABLE_ROW/);
  });

  it("refuses a change inside a transaction, which rolls back as a whole", async () => {
    const clauseBefore = await db.clause.findUniqueOrThrow({ where: { id: clauseB } });
    await expect(
      db.$transaction(async (tx) => {
        await tx.clause.update({ where: { id: clauseB }, data: { textRu: "Подмена." } });
        await tx.$executeRaw`UPDATE "Revision" SET "number" = 99 WHERE "id" = ${revisionId}`;
      }),
    ).rejects.toThrow(/IMMUTABLE_ROW/);
    expect(await db.clause.findUniqueOrThrow({ where: { id: clauseB } })).toEqual(clauseBefore);
  });

  it("left the revision exactly as it was", async () => {
    expect(await db.revision.findUniqueOrThrow({ where: { id: revisionId } })).toEqual(stored);
    expect(revisionHash(stored.content as unknown as RevisionPayload)).toBe(stored.hash);
  });
});

describe("listRevisions and getRevision", () => {
  it("lists newest first, with the author", async () => {
    const { communique, revisions } = await listRevisions(secretariat, communiqueId);
    expect(communique.id).toBe(communiqueId);
    const numbers = revisions.map((r) => r.number);
    expect(numbers.length).toBeGreaterThanOrEqual(3);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    expect(numbers.at(-1)).toBe(1);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const r of revisions) {
      expect(r.author).toEqual({ displayName: "Секретариат Ассоциации" });
      expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(r.createdAt).toBeInstanceOf(Date);
    }
  });

  it("gets one revision with its payload", async () => {
    const { revisions } = await listRevisions(secretariat, communiqueId);
    const latest = await getRevision(secretariat, communiqueId, revisions[0]!.id);
    expect(latest).toMatchObject({ id: revisions[0]!.id, number: revisions[0]!.number, hash: revisions[0]!.hash });
    expect(latest.payload.schema).toBe(1);
    expect(latest.payload.content.blocks.filter((b) => b.kind === "clause").map((b) => b.id)).toEqual([`clause-${clauseA}`, `clause-${clauseB}`]);
  });

  it("answers NOT_FOUND for another communiqué's revision id and for an unknown one", async () => {
    const { communiqueId: other } = await createTestCommunique(secretariat);
    const foreign = await saveRevision(secretariat, other);
    expect((await refusal(getRevision(secretariat, communiqueId, foreign.id))).code).toBe("NOT_FOUND");
    expect((await refusal(getRevision(secretariat, communiqueId, "no-such-revision"))).code).toBe("NOT_FOUND");
    expect((await refusal(listRevisions(secretariat, "no-such-communique"))).code).toBe("NOT_FOUND");
    // Each communiqué numbers its own revisions from 1.
    expect(foreign.number).toBe(1);
    await expect(getRevision(secretariat, other, foreign.id)).resolves.toMatchObject({ id: foreign.id });
  });
});

describe("who may see and save revisions", () => {
  it("lets a delegate of the meeting list and open revisions, but not save one", async () => {
    const { revisions } = await listRevisions(kalita, communiqueId);
    expect(revisions.length).toBeGreaterThanOrEqual(3);
    await expect(getRevision(kalita, communiqueId, revisions[0]!.id)).resolves.toMatchObject({ id: revisions[0]!.id });

    await updateClauseText(secretariat, { clauseId: clauseB, lang: "ja", text: "双方は、クルーズ船について議論した。", baseVersion: 1 });
    const count = await db.revision.count({ where: { communiqueId } });
    expect((await refusal(saveRevision(kalita, communiqueId))).code).toBe("FORBIDDEN");
    expect(await db.revision.count({ where: { communiqueId } })).toBe(count);
  });

  it("lets the admin list revisions but not save one", async () => {
    await expect(listRevisions(admin, communiqueId)).resolves.toMatchObject({ communique: { id: communiqueId } });
    const count = await db.revision.count({ where: { communiqueId } });
    expect((await refusal(saveRevision(admin, communiqueId))).code).toBe("FORBIDDEN");
    expect(await db.revision.count({ where: { communiqueId } })).toBe(count);
  });

  it("refuses a delegate who does not take part in the meeting with FORBIDDEN", async () => {
    const person = await db.person.create({ data: { side: "RU", nameRu: "Посторонний", nameJa: "部外者" } });
    const user = await db.user.create({
      data: { email: `outsider-${person.id}@test.example`, displayName: "Outsider", role: "DELEGATE", locale: "ru", personId: person.id, passwordHash: "unused" },
    });
    const outsider = await actorFor(user.email);
    const any = await db.revision.findFirstOrThrow({ where: { communiqueId } });
    expect((await refusal(listRevisions(outsider, communiqueId))).code).toBe("FORBIDDEN");
    expect((await refusal(getRevision(outsider, communiqueId, any.id))).code).toBe("FORBIDDEN");
  });

  it("refuses an anonymous caller with UNAUTHENTICATED", async () => {
    const any = await db.revision.findFirstOrThrow({ where: { communiqueId } });
    expect((await refusal(listRevisions(null, communiqueId))).code).toBe("UNAUTHENTICATED");
    expect((await refusal(getRevision(null, communiqueId, any.id))).code).toBe("UNAUTHENTICATED");
    expect((await refusal(saveRevision(null, communiqueId))).code).toBe("UNAUTHENTICATED");
    expect((await refusal(listRevisions(null, "no-such-communique"))).code).toBe("UNAUTHENTICATED");
  });
});
