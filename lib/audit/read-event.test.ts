import { randomUUID } from "node:crypto";
import { describe, expect, expectTypeOf, it } from "vitest";
import { db } from "@/lib/db";
import { useTestDatabase } from "@/lib/testing/test-db";
import { eventHash } from "./event-hash";
import { readEvent } from "./read-event";
import { recordEvent } from "./record-event";

useTestDatabase();

const row = (action: string, data: unknown) => ({ seq: 7n, action, data });

describe("readEvent", () => {
  it("types the data by the action, and keeps the other columns", () => {
    const event = readEvent(row("comment.added", { comment: "k1", revisionId: "r1", blockId: "b1", lang: "ru", reply: false }));
    expect(event).toEqual({ seq: 7n, action: "comment.added", data: { comment: "k1", revisionId: "r1", blockId: "b1", lang: "ru", reply: false } });
    if (event.action !== "comment.added") throw new Error("not read as a comment");
    expectTypeOf(event.data.comment).toEqualTypeOf<string>();
    expectTypeOf(event.data.reopened).toEqualTypeOf<string | undefined>();
    expectTypeOf(event.seq).toEqualTypeOf<bigint>();
  });

  it("reads a field added to an action later as optional: older rows lack it", () => {
    const event = readEvent(row("signing.opened", { revision: "r1", hash: "h1" }));
    expect(event).toMatchObject({ action: "signing.opened", data: { revision: "r1", hash: "h1" } });
    if (event.action !== "signing.opened") throw new Error("not read as a signing");
    expectTypeOf(event.data.round).toEqualTypeOf<number | undefined>();
    expectTypeOf(event.data.revision).toEqualTypeOf<string>();
  });

  it("gives an action this code does not write as unknown, with the stored name and untyped data", () => {
    const event = readEvent(row("test.step", { step: 1 }));
    expect(event).toEqual({ seq: 7n, action: null, storedAction: "test.step", data: { step: 1 } });
    if (event.action === null) expectTypeOf(event.data).toBeUnknown();
  });

  it.each([null, [], "text", 3])("does not trust a known action with data %j, which no writer stores", (data) => {
    expect(readEvent(row("comment.resolved", data))).toEqual({ seq: 7n, action: null, storedAction: "comment.resolved", data });
  });
});

describe("an event written by recordEvent and read back", () => {
  it("has the data it was given, with the fields left undefined dropped, and hashes as stored", async () => {
    const subjectId = `read-event-${randomUUID()}`;
    const added = { comment: "k1", revisionId: "r1", blockId: "b1", lang: "ja", reply: true, reopened: undefined } as const;
    const signed = { revision: "r1", sha256: "a".repeat(64) };
    await db.$transaction(async (tx) => {
      await recordEvent(tx, { actorUserId: null, action: "comment.added", subjectType: "Communique", subjectId, data: added });
      await recordEvent(tx, { actorUserId: null, action: "communique.signed", subjectType: "Communique", subjectId, data: signed });
    });
    const rows = await db.auditEvent.findMany({ where: { subjectId }, orderBy: { seq: "asc" } });

    expect(rows.map(readEvent).map(({ action, data }) => ({ action, data }))).toEqual([
      { action: "comment.added", data: { comment: "k1", revisionId: "r1", blockId: "b1", lang: "ja", reply: true } },
      { action: "communique.signed", data: signed },
    ]);
    expect(Object.keys(rows[0]!.data as object)).not.toContain("reopened");
    for (const stored of rows) {
      const { seq, hash, at, ...content } = stored;
      expect(eventHash({ ...content, at: at.toISOString() }), String(seq)).toBe(hash);
    }
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
  });
});
