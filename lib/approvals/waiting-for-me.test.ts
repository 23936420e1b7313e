import { beforeAll, describe, expect, it } from "vitest";
import { openSigning } from "@/lib/signatures/open-signing";
import { approvalActors, decideAs, submittedCommunique, type Actors } from "@/lib/testing/approval-fixtures";
import { db } from "@/lib/db";
import { approveByAllHeads, signAs, useSigningDatabase } from "@/lib/testing/signing-fixtures";
import { SECRETARIAT } from "@/lib/testing/test-db";
import { waitingForMe } from "./waiting-for-me";

useSigningDatabase();

const KALITA = "kalita@blagoveshchensk.example";
const IVANOVA = "ivanova@khabarovsk.example";

let as: Actors;
beforeAll(async () => {
  as = await approvalActors();
});

const tasksOf = async (email: string, communiqueId: string) =>
  (await waitingForMe(as[email]!)).filter((t) => t.communiqueId === communiqueId).map((t) => ({ kind: t.kind, forHead: t.forHead?.ru ?? null }));

describe("waitingForMe", () => {
  it("lists a head's pending approval (and the deputy's, for the head), until they decide; the staff have none", async () => {
    const { communiqueId, hash } = await submittedCommunique(as[SECRETARIAT]!);
    expect(await tasksOf(KALITA, communiqueId)).toEqual([{ kind: "approve", forHead: null }]);
    expect(await tasksOf(IVANOVA, communiqueId)).toEqual([{ kind: "approve", forHead: "Кравчук С. А." }]);
    expect(await waitingForMe(as[SECRETARIAT]!)).toEqual([]);
    await decideAs(as[KALITA]!, communiqueId, hash);
    expect(await tasksOf(KALITA, communiqueId)).toEqual([]);
  });

  it("lists a signatory's signature once signing opens, until they sign", async () => {
    const { communiqueId, hash, meetingId } = await submittedCommunique(as[SECRETARIAT]!);
    await approveByAllHeads(as, communiqueId, hash);
    expect(await tasksOf(KALITA, communiqueId)).toEqual([]);
    await openSigning(as[SECRETARIAT]!, communiqueId);
    expect(await tasksOf(KALITA, communiqueId)).toEqual([{ kind: "sign", forHead: null }]);
    // Ivanova attended but does not sign.
    expect(await tasksOf(IVANOVA, communiqueId)).toEqual([]);
    const signatory = await db.signatory.findFirstOrThrow({ where: { meetingId, person: { email: KALITA } } });
    await signAs(as[KALITA]!, communiqueId, { signatoryId: signatory.id, hash });
    expect(await tasksOf(KALITA, communiqueId)).toEqual([]);
  });
});
