import { beforeAll, describe, expect, it } from "vitest";
import { approvalActors, decideAs, submittedCommunique, useApprovalDatabase, type Actors } from "@/lib/testing/approval-fixtures";
import { ADMIN, SECRETARIAT } from "@/lib/testing/test-db";
import { getReview } from "./get-review";

useApprovalDatabase();

const KALITA = "kalita@blagoveshchensk.example";
const TATAMI = "tatami@maizuru.example";

let as: Actors;
beforeAll(async () => {
  as = await approvalActors();
});

describe("what the review page says is the reader's own", () => {
  it("shows the staff no decision as theirs, although heads without a deputy have decided", async () => {
    const { communiqueId, hash } = await submittedCommunique(as[SECRETARIAT]!);
    // Kalita and Tatami head delegations without a named deputy.
    await decideAs(as[TATAMI]!, communiqueId, hash);
    await decideAs(as[KALITA]!, communiqueId, hash, "CHANGES_REQUESTED", "Уточнить формулировку.");
    for (const staff of [SECRETARIAT, ADMIN]) {
      const review = await getReview(as[staff]!, communiqueId);
      expect(review.decisions, staff).toEqual([]);
      expect(review.canDecide, staff).toBeNull();
    }
    const kalita = await getReview(as[KALITA]!, communiqueId);
    expect(kalita.decisions.map((d) => d.decision)).toEqual(["CHANGES_REQUESTED"]);
  });

  it("knows a head has seen the revision they just decided on, rather than calling it new to them", async () => {
    const { communiqueId, hash } = await submittedCommunique(as[SECRETARIAT]!);
    expect((await getReview(as[TATAMI]!, communiqueId)).seenBefore).toBe(false);
    await decideAs(as[TATAMI]!, communiqueId, hash);
    const after = await getReview(as[TATAMI]!, communiqueId);
    expect(after.seenBefore).toBe(true);
    expect(after.diff).toBeNull();
  });
});
