import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addDelegation } from "@/lib/meetings/add-delegation";
import { addSignatory } from "@/lib/meetings/add-signatory";
import { removeDelegation } from "@/lib/meetings/remove-delegation";
import { openSigning } from "@/lib/signatures/open-signing";
import { approvalActors, draftCommunique, type Actors } from "@/lib/testing/approval-fixtures";
import { refusal } from "@/lib/testing/drafting-fixtures";
import { approveByAllHeads, useSigningDatabase } from "@/lib/testing/signing-fixtures";
import { SECRETARIAT } from "@/lib/testing/test-db";
import { submitCommunique } from "./submit-communique";

useSigningDatabase();

let as: Actors;
beforeAll(async () => {
  as = await approvalActors();
});

/** A person of the directory nobody has made an account for. */
async function personWithoutAccount(side: "RU" | "JP") {
  const tag = randomUUID().slice(0, 8);
  return db.person.create({ data: { side, nameRu: `Новиков ${tag}`, nameJa: `ノビコフ${tag}` } });
}

describe("a step nobody can answer is refused, naming who has no account", () => {
  it("refuses to route while a delegation has neither a head nor a deputy who can sign in", async () => {
    const secretariat = as[SECRETARIAT]!;
    const draft = await draftCommunique(secretariat);
    const head = await personWithoutAccount("RU");
    const city = await db.city.create({ data: { side: "RU", nameRu: `Город ${randomUUID()}`, nameJa: `市${randomUUID()}`, nameLocativeRu: "Городе" } });
    const { id } = (await addDelegation(secretariat, draft.meetingId, { cityId: city.id, headPersonId: head.id }))!;
    const error = await refusal(submitCommunique(secretariat, draft.communiqueId));
    expect(error.code).toBe("NO_ACCOUNT");
    expect(error.params).toEqual({ names: head.nameRu, namesJa: head.nameJa });
    expect(await db.revision.count({ where: { communiqueId: draft.communiqueId } })).toBe(0);
    expect((await db.communique.findUniqueOrThrow({ where: { id: draft.communiqueId } })).status).toBe("DRAFT");
    await removeDelegation(secretariat, draft.meetingId, { id });
    await submitCommunique(secretariat, draft.communiqueId);
  });

  it("refuses to open signing while a signatory has no account, and opens it once they have one", async () => {
    const secretariat = as[SECRETARIAT]!;
    const draft = await draftCommunique(secretariat);
    const signer = await personWithoutAccount("JP");
    await addSignatory(secretariat, draft.meetingId, { personId: signer.id, titleRu: "Мэр", titleJa: "市長" });
    const { hash } = await submitCommunique(secretariat, draft.communiqueId);
    await approveByAllHeads(as, draft.communiqueId, hash);
    const error = await refusal(openSigning(secretariat, draft.communiqueId));
    expect(error.code).toBe("NO_ACCOUNT");
    expect(error.params).toEqual({ names: signer.nameRu, namesJa: signer.nameJa });
    expect((await db.communique.findUniqueOrThrow({ where: { id: draft.communiqueId } })).status).toBe("APPROVED");
    await db.user.create({ data: { email: `signer-${randomUUID()}@test.example`, displayName: "Signer", role: "DELEGATE", locale: "ja", personId: signer.id, passwordHash: "unused" } });
    await openSigning(secretariat, draft.communiqueId);
    expect((await db.communique.findUniqueOrThrow({ where: { id: draft.communiqueId } })).status).toBe("SIGNING");
  });
});
