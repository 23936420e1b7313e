import { beforeAll, describe, expect, it, vi } from "vitest";
import { getRoundStatus } from "@/lib/approvals/get-round-status";
import { db } from "@/lib/db";
import {
  approvalActors,
  eventsOf,
  expectWrittenIn,
  HONDA,
  KALITA,
  KRAVCHUK,
  mailMark,
  mailsSince,
  statusOf,
  type Actors,
  linkedPage,
} from "@/lib/testing/approval-fixtures";
import { refusal } from "@/lib/testing/drafting-fixtures";
import {
  CONTEXT,
  hankoPng,
  mixedMethod,
  signAs,
  signatoryOf,
  signingCommunique,
  tinyJpeg,
  useSigningDatabase,
  type MeetingSignatory,
} from "@/lib/testing/signing-fixtures";
import { ADMIN, SECRETARIAT } from "@/lib/testing/test-db";
import { finaliseCommunique, finalisePending } from "./finalise";
import { getSigning } from "./get-signing";
import { verifyDocument } from "./verify-document";
import { withdrawSignature } from "./withdraw-signature";

useSigningDatabase();

// Latin script: the mail must otherwise be written wholly in the signatory's language.
const REASON = "Seal image: JPEG of 2 colour components, cannot be placed in the PDF.";

let as: Actors;
let communiqueId: string;
let hash: string;
let signatories: MeetingSignatory[];
const sig = (email: string) => signatoryOf(signatories, email);

/**
 * SIGNING with every signature in, the last one a seal stored before uploads were written
 * anew: a JPEG of two colour components, which the PDF engine refuses ("Unknown JPEG channel").
 */
beforeAll(async () => {
  as = await approvalActors();
  ({ communiqueId, hash, signatories } = await signingCommunique(as));
  for (const [n, s] of signatories.slice(0, 7).entries()) {
    const { method, image } = mixedMethod(n);
    await signAs(as[s.email]!, communiqueId, { signatoryId: s.id, hash, method, ...(image ? { image } : {}) });
  }
  const communique = await db.communique.findUniqueOrThrow({ where: { id: communiqueId } });
  const honda = await db.user.findUniqueOrThrow({ where: { email: HONDA } });
  await db.signature.create({
    data: {
      communiqueId,
      revisionId: communique.approvedRevisionId!,
      revisionHash: hash,
      signatoryId: sig(HONDA).id,
      round: communique.signingRound,
      userId: honda.id,
      method: "SEAL",
      image: Buffer.from(tinyJpeg({ components: 2 })),
      imageType: "image/jpeg",
      ip: CONTEXT.ip,
      userAgent: CONTEXT.userAgent,
    },
  });
});

const failure = () => db.finalisationFailure.findUnique({ where: { communiqueId } });

describe("a finalisation that fails on a signature's image", () => {
  it("throws, leaves the communiqué in SIGNING, and keeps the reason with the signatory concerned", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect((await refusal(finaliseCommunique(communiqueId))).code).toBe("BAD_IMAGE");
      expect(await statusOf(communiqueId)).toBe("SIGNING");
      expect(await db.finalDocument.count({ where: { communiqueId } })).toBe(0);
      expect(await failure()).toMatchObject({ code: "BAD_IMAGE", signatoryId: sig(HONDA).id, attempts: 1 });
      const events = await eventsOf(communiqueId, "finalisation.failed");
      expect(events).toHaveLength(1);
      expect(events[0]!.data).toMatchObject({ code: "BAD_IMAGE", signatory: sig(HONDA).id });

      // The retry job fails the same way: counted, without a new audit event each minute.
      expect(await finalisePending()).toBe(0);
      expect(await failure()).toMatchObject({ code: "BAD_IMAGE", attempts: 2 });
      expect(await eventsOf(communiqueId, "finalisation.failed")).toHaveLength(1);
    } finally {
      error.mockRestore();
    }
  });

  it("is on the status board with its reason, who caused it, and every signature of the round", async () => {
    const status = await getRoundStatus(as[SECRETARIAT]!, communiqueId);
    expect(status.signing).toMatchObject({
      round: 1,
      failure: { code: "BAD_IMAGE", signatoryId: sig(HONDA).id, attempts: 2, message: expect.any(String) },
    });
    expect(status.signing!.signatories.map((s) => s.signedAt !== null)).toEqual(signatories.map(() => true));
    expect(status.timeline.map((e) => e.action)).toContain("finalisation.failed");
  });
});

describe("asking the signatory concerned to sign again", () => {
  it("is refused to everyone but the secretariat (FORBIDDEN), changing nothing", async () => {
    for (const email of [HONDA, KRAVCHUK, ADMIN]) {
      const error = await refusal(withdrawSignature(as[email]!, { communiqueId, signatoryId: sig(HONDA).id, reason: REASON }));
      expect(error.code, email).toBe("FORBIDDEN");
    }
    expect((await refusal(withdrawSignature(null, { communiqueId, signatoryId: sig(HONDA).id, reason: REASON }))).code).toBe("UNAUTHENTICATED");
    expect(await db.signature.count({ where: { communiqueId, withdrawnAt: { not: null } } })).toBe(0);
    expect(await eventsOf(communiqueId, "signature.withdrawn")).toHaveLength(0);
  });

  it("needs a reason (VALIDATION) and a signature of this round (NOT_FOUND)", async () => {
    const error = await refusal(withdrawSignature(as[SECRETARIAT]!, { communiqueId, signatoryId: sig(HONDA).id, reason: "  " }));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors).toEqual({ reason: "required" });
    expect((await refusal(withdrawSignature(as[SECRETARIAT]!, { communiqueId, signatoryId: "no-such-signatory", reason: REASON }))).code).toBe("NOT_FOUND");
  });

  it("withdraws the signature (kept as history), clears the failure, audits, and mails the signatory in their language", async () => {
    const mark = await mailMark(communiqueId);
    await withdrawSignature(as[SECRETARIAT]!, { communiqueId, signatoryId: sig(HONDA).id, reason: REASON });
    const rows = await db.signature.findMany({ where: { communiqueId, signatoryId: sig(HONDA).id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.withdrawnAt).toBeInstanceOf(Date);
    expect(await failure()).toBeNull();
    expect(await statusOf(communiqueId)).toBe("SIGNING");

    const events = await eventsOf(communiqueId, "signature.withdrawn");
    expect(events).toHaveLength(1);
    expect(events[0]!.actorUserId).toBe(as[SECRETARIAT]!.userId);
    expect(events[0]!.data).toMatchObject({ signature: rows[0]!.id, signatory: sig(HONDA).id, reason: REASON });

    const mails = await mailsSince(communiqueId, mark);
    expect(mails.map((m) => [m.to, m.kind])).toEqual([[HONDA, "signature-withdrawn"]]);
    expectWrittenIn(mails[0]!, "ja");
    expect(mails[0]!.text).toContain(REASON);
    expect(await linkedPage(mails[0]!.text)).toBe(`/communiques/${communiqueId}/sign`);

    const page = await getSigning(as[HONDA]!, communiqueId);
    expect(page.mine).toEqual([expect.objectContaining({ id: sig(HONDA).id, signed: false })]);
    const board = await getRoundStatus(as[SECRETARIAT]!, communiqueId);
    expect(board.signing!.failure).toBeNull();
    expect(board.signing!.signatories.find((s) => s.id === sig(HONDA).id)!.signedAt).toBeNull();
  });

  it("cannot withdraw the same signature twice (NOT_FOUND)", async () => {
    expect((await refusal(withdrawSignature(as[SECRETARIAT]!, { communiqueId, signatoryId: sig(HONDA).id, reason: REASON }))).code).toBe("NOT_FOUND");
  });

  it("lets the signatory sign again, which finalises the communiqué", async () => {
    const result = await signAs(as[HONDA]!, communiqueId, { signatoryId: sig(HONDA).id, hash, method: "SEAL", image: hankoPng() });
    expect(result.complete).toBe(true);
    expect(await statusOf(communiqueId)).toBe("SIGNED");
    expect(await db.finalDocument.count({ where: { communiqueId } })).toBe(1);
    expect(await db.signature.count({ where: { communiqueId, signatoryId: sig(HONDA).id } })).toBe(2);
    expect(await failure()).toBeNull();
    // The public check names each signer once: the withdrawn signature is history, not a signer.
    const final = await db.finalDocument.findFirstOrThrow({ where: { communiqueId } });
    const check = await verifyDocument(new Uint8Array(final.pdf));
    const names = check.signers.map((s) => s.name.ru);
    expect(names).toHaveLength(new Set(names).size);
    expect(names.filter((n) => /ХОНДА/.test(n))).toHaveLength(1);
  });

  it("is refused once the communiqué is signed (NOT_ALLOWED_NOW)", async () => {
    const error = await refusal(withdrawSignature(as[SECRETARIAT]!, { communiqueId, signatoryId: sig(KALITA).id, reason: REASON }));
    expect(error.code).toBe("NOT_ALLOWED_NOW");
  });
});
