import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db, queryCount } from "@/lib/db";
import { isAppError } from "@/lib/errors/app-error";
import { deliveriesSettled } from "@/lib/mail/deliver";
import { approvalActors, KRAVCHUK, useApprovalDatabase } from "@/lib/testing/approval-fixtures";
import { reviewCommunique, type ReviewCommunique } from "@/lib/testing/review-fixture";
import { SECRETARIAT } from "@/lib/testing/test-db";
import { compareContents } from "./compare-contents";
import { compareRevisions, revisionContent } from "./revision-content";
import type { RevisionPayload } from "./revision-payload";

// Read when the database client is created (in the first beforeAll), so set before it.
vi.stubEnv("DB_QUERY_LOG", "count");

useApprovalDatabase();

let fixture: ReviewCommunique;
let firstId: string;

beforeAll(async () => {
  const as: Record<string, Actor> = await approvalActors();
  fixture = await reviewCommunique(5, as[SECRETARIAT]!, as[KRAVCHUK]!);
  firstId = (await db.revision.findFirstOrThrow({ where: { communiqueId: fixture.communiqueId, number: 1 }, select: { id: true } })).id;
  // Statements are counted from here on: nothing else may be sending any (mail is background work).
  await deliveriesSettled();
});

const stored = async (id: string) =>
  ((await db.revision.findUniqueOrThrow({ where: { id }, select: { content: true } })).content as unknown as RevisionPayload).content;

describe("revisionContent", () => {
  it("is the content the revision froze, read from the database once", async () => {
    const before = queryCount();
    const content = await revisionContent(db, fixture.revisionId);
    expect(queryCount() - before).toBe(1);
    expect(content).toEqual(await stored(fixture.revisionId));
    const again = queryCount();
    expect(await revisionContent(db, fixture.revisionId)).toBe(content);
    expect(queryCount() - again).toBe(0);
  });

  it("is read-only: every request shares it", async () => {
    const content = await revisionContent(db, fixture.revisionId);
    const clause = content.blocks.find((b) => b.kind === "clause")!;
    expect(() => {
      (clause as { text: { ru: string } }).text.ru = "changed";
    }).toThrow(TypeError);
    expect(() => content.blocks.push(clause)).toThrow(TypeError);
    expect(content).toEqual(await stored(fixture.revisionId));
  });

  it("refuses a revision that does not exist, and keeps no answer for it", async () => {
    const error = await revisionContent(db, "no-such-revision").catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("NOT_FOUND");
    const before = queryCount();
    await revisionContent(db, "no-such-revision").catch(() => undefined);
    expect(queryCount() - before).toBe(1);
  });
});

describe("compareRevisions", () => {
  it("gives what compareContents gives for the two revisions, computed once", async () => {
    const diff = await compareRevisions(db, firstId, fixture.revisionId);
    expect(diff).toEqual(compareContents(await stored(firstId), await stored(fixture.revisionId)));
    expect(diff.filter((d) => d.status !== "same")).toHaveLength(1);
    const before = queryCount();
    expect(await compareRevisions(db, firstId, fixture.revisionId)).toBe(diff);
    expect(queryCount() - before).toBe(0);
  });

  it("depends on the direction", async () => {
    const back = await compareRevisions(db, fixture.revisionId, firstId);
    expect(back).toEqual(compareContents(await stored(fixture.revisionId), await stored(firstId)));
  });
});
