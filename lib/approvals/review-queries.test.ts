import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { reviewCommunique, type ReviewCommunique } from "@/lib/testing/review-fixture";
import { queryCount } from "@/lib/db";
import { deliveriesSettled } from "@/lib/mail/deliver";
import { openSigning } from "@/lib/signatures/open-signing";
import { getSigning } from "@/lib/signatures/get-signing";
import { approvalActors, IVANOVA, KRAVCHUK, useApprovalDatabase, type Actors } from "@/lib/testing/approval-fixtures";
import { approveByAllHeads, meetingSignatories, signAs, signatoryOf } from "@/lib/testing/signing-fixtures";
import { SECRETARIAT } from "@/lib/testing/test-db";
import { getReview } from "./get-review";

// Read when the database client is created (in the first beforeAll), so set before it.
vi.stubEnv("DB_QUERY_LOG", "count");
afterAll(() => {
  vi.unstubAllEnvs();
});

/**
 * The pages a head opens most load a whole communiqué. What they cost in SQL statements must
 * not depend on its length (or on how many comments it has): a statement per clause or per
 * comment would make a 200-clause review page slow under load.
 */
useApprovalDatabase();

let as: Actors;
let short: ReviewCommunique;
let long: ReviewCommunique;

beforeAll(async () => {
  as = await approvalActors();
  short = await reviewCommunique(10, as[SECRETARIAT]!, as[KRAVCHUK]!);
  long = await reviewCommunique(200, as[SECRETARIAT]!, as[KRAVCHUK]!);
});

/** The statements one call sends, with nothing else running (mail delivery is background work). */
async function statementsOf<T>(load: () => Promise<T>): Promise<{ statements: number; result: T }> {
  await deliveriesSettled();
  const before = queryCount();
  const result = await load();
  return { statements: queryCount() - before, result };
}

const clausesOf = (content: { blocks: { kind: string }[] } | null) => content?.blocks.filter((b) => b.kind === "clause").length;

describe("the review page's loader (getReview)", () => {
  it("sends as many statements for 200 clauses with 200 comments as for 10 with 10, for the head", async () => {
    const a = await statementsOf(() => getReview(as[KRAVCHUK]!, short.communiqueId));
    const b = await statementsOf(() => getReview(as[KRAVCHUK]!, long.communiqueId));
    // The head sees what the page shows at its fullest: the changes, every comment, the decision panel.
    for (const [view, clauses] of [[a.result, 10], [b.result, 200]] as const) {
      expect(clausesOf(view.content)).toBe(clauses);
      expect(view.comments).toHaveLength(clauses);
      expect(view.diff?.since).toBe(1);
      expect(view.canDecide).not.toBeNull();
    }
    expect(a.statements).toBeGreaterThan(0);
    expect(b.statements).toBe(a.statements);
    // And few: the communiqué, the round, the head's last view and the comments each come with
    // their relations joined in one statement (Prisma's relationJoins), the revision contents
    // in one more on a cache miss. One statement per relation level made this 22.
    expect(a.statements).toBeLessThanOrEqual(5);
  });

  it("and the same for the deputy and for the secretariat, who read it without a diff", async () => {
    for (const email of [IVANOVA, SECRETARIAT]) {
      const a = await statementsOf(() => getReview(as[email]!, short.communiqueId));
      const b = await statementsOf(() => getReview(as[email]!, long.communiqueId));
      expect(b.result.comments).toHaveLength(200);
      expect(b.result.diff).toBeNull();
      expect(a.statements, email).toBeGreaterThan(0);
      expect(b.statements, email).toBe(a.statements);
    }
  });
});

describe("the signing page's loader (getSigning)", () => {
  beforeAll(async () => {
    for (const c of [short, long]) {
      await approveByAllHeads(as, c.communiqueId, c.hash);
      await openSigning(as[SECRETARIAT]!, c.communiqueId);
      const kravchuk = signatoryOf(await meetingSignatories(c.meetingId), KRAVCHUK);
      await signAs(as[KRAVCHUK]!, c.communiqueId, { signatoryId: kravchuk.id, hash: c.hash });
    }
  });

  it("sends as many statements for 200 clauses as for 10", async () => {
    const a = await statementsOf(() => getSigning(as[KRAVCHUK]!, short.communiqueId));
    const b = await statementsOf(() => getSigning(as[KRAVCHUK]!, long.communiqueId));
    for (const [view, clauses] of [[a.result, 10], [b.result, 200]] as const) {
      expect(clausesOf(view.content)).toBe(clauses);
      expect(view.signatories.filter((s) => s.signedAt)).toHaveLength(1);
      expect(view.mine).toEqual([expect.objectContaining({ signed: true })]);
    }
    expect(a.statements).toBeGreaterThan(0);
    expect(b.statements).toBe(a.statements);
  });
});
