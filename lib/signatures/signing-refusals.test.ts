import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  approvalActors,
  decideAs,
  eventsOf,
  IVANENKO,
  IVANOVA,
  KALITA,
  KRAVCHUK,
  MATSUDA,
  NAKAHARA,
  outsider,
  participantOnly,
  statusOf,
  submittedCommunique,
  TATAMI,
  type Actors,
} from "@/lib/testing/approval-fixtures";
import { refusal } from "@/lib/testing/drafting-fixtures";
import {
  approvedCommunique,
  bombPng,
  emptyPng,
  hankoPng,
  meetingSignatories,
  oversizedPng,
  reviseAndApprove,
  signAs,
  signatoryOf,
  strokePng,
  tinyJpeg,
  useSigningDatabase,
  whitePng,
  widePng,
  type MeetingSignatory,
  type SignOptions,
} from "@/lib/testing/signing-fixtures";
import { ADMIN, SECRETARIAT } from "@/lib/testing/test-db";
import { MAX_IMAGE_BYTES } from "./signature-image";
import { openSigning } from "./open-signing";

useSigningDatabase();

let as: Actors;
/** In SIGNING, on its second revision: the first was sent back and changed. */
let communiqueId: string;
let signatories: MeetingSignatory[];
let hash: string;
let staleHash: string;
/** APPROVED, signing not opened yet. */
let notOpened: { communiqueId: string; hash: string; signatories: MeetingSignatory[] };

beforeAll(async () => {
  as = await approvalActors();
  const submitted = await submittedCommunique(as[SECRETARIAT]!);
  communiqueId = submitted.communiqueId;
  staleHash = submitted.hash;
  await decideAs(as[NAKAHARA]!, communiqueId, staleHash, "CHANGES_REQUESTED", "Уточните формулировку пункта 1.");
  const clause = await db.clause.findUniqueOrThrow({ where: { id: submitted.clauseIds[0] } });
  ({ hash } = await reviseAndApprove(as, communiqueId, clause.id, `${clause.textRu} Стороны договорились вернуться к этому вопросу.`));
  await openSigning(as[SECRETARIAT]!, communiqueId);
  signatories = await meetingSignatories(submitted.meetingId);
  expect(signatories).toHaveLength(8);

  const approved = await approvedCommunique(as);
  notOpened = { communiqueId: approved.communiqueId, hash: approved.hash, signatories: approved.signatories };
});

const sig = (email: string) => signatoryOf(signatories, email);

/** What a refused signature must leave unchanged: no signature row, no audit event, no state change. */
async function trace(id: string) {
  return {
    signatures: await db.signature.count({ where: { communiqueId: id } }),
    events: (await eventsOf(id, "signature.recorded")).length,
    status: await statusOf(id),
    final: await db.finalDocument.count({ where: { communiqueId: id } }),
  };
}

/** Signs as `email` and expects the refusal `code`, with nothing recorded. */
async function refused(email: string | null, options: SignOptions, code: string, id = communiqueId) {
  const before = await trace(id);
  const error = await refusal(signAs(email === null ? null : as[email]!, id, options));
  expect(error.code, `${email} ${options.method ?? "TYPED"}`).toBe(code);
  expect(await trace(id), "nothing recorded").toEqual(before);
  return error;
}

describe("who may sign", () => {
  it("refuses a wrong password (WRONG_PASSWORD), recording nothing", async () => {
    for (const password of ["kamchatka-2019", "Kamchatka-2019 ", "wrong"]) {
      await refused(KRAVCHUK, { signatoryId: sig(KRAVCHUK).id, hash, password }, "WRONG_PASSWORD");
    }
    // An empty password does not even reach the check.
    await refused(KRAVCHUK, { signatoryId: sig(KRAVCHUK).id, hash, password: "" }, "VALIDATION");
  });

  it("refuses the deputy head (not a signatory) signing for her head (FORBIDDEN)", async () => {
    await refused(IVANOVA, { signatoryId: sig(KRAVCHUK).id, hash, method: "DRAWN", image: strokePng() }, "FORBIDDEN");
    await refused(IVANOVA, { signatoryId: sig(KRAVCHUK).id, hash, typedName: "Кравчук С. А." }, "FORBIDDEN");
  });

  it("refuses a signatory signing with another signatory's id (FORBIDDEN)", async () => {
    await refused(KALITA, { signatoryId: sig(KRAVCHUK).id, hash }, "FORBIDDEN");
    await refused(MATSUDA, { signatoryId: sig(NAKAHARA).id, hash, method: "SEAL", image: hankoPng() }, "FORBIDDEN");
  });

  it("refuses a signatory's own signatory id of another meeting (FORBIDDEN)", async () => {
    await refused(KALITA, { signatoryId: signatoryOf(notOpened.signatories, KALITA).id, hash }, "FORBIDDEN");
  });

  it("refuses an unknown signatory id, the secretariat, the admin, outsiders and mere participants", async () => {
    await refused(KALITA, { signatoryId: "no-such-signatory", hash }, "FORBIDDEN");
    await refused(SECRETARIAT, { signatoryId: sig(KRAVCHUK).id, hash }, "FORBIDDEN");
    await refused(ADMIN, { signatoryId: sig(KRAVCHUK).id, hash }, "FORBIDDEN");
    const meetingId = (await db.communique.findUniqueOrThrow({ where: { id: communiqueId } })).meetingId;
    for (const actor of [await outsider(), await participantOnly(meetingId)]) {
      const before = await trace(communiqueId);
      const error = await refusal(signAs(actor, communiqueId, { signatoryId: sig(KRAVCHUK).id, hash }));
      expect(error.code).toBe("FORBIDDEN");
      expect(await trace(communiqueId)).toEqual(before);
    }
    await refused(null, { signatoryId: sig(KRAVCHUK).id, hash }, "UNAUTHENTICATED");
  });
});

describe("what may be signed", () => {
  it("refuses the superseded revision's hash (REVISION_SUPERSEDED), and any other hash", async () => {
    await refused(KALITA, { signatoryId: sig(KALITA).id, hash: staleHash }, "REVISION_SUPERSEDED");
    await refused(KALITA, { signatoryId: sig(KALITA).id, hash: "0".repeat(64) }, "REVISION_SUPERSEDED");
    await refused(KALITA, { signatoryId: sig(KALITA).id, hash: "not-a-hash" }, "VALIDATION");
  });

  it("refuses a second signature by the same signatory (ALREADY_SIGNED), whatever the method", async () => {
    await signAs(as[TATAMI]!, communiqueId, { signatoryId: sig(TATAMI).id, hash, method: "SEAL", image: hankoPng() });
    expect(await db.signature.count({ where: { communiqueId, signatoryId: sig(TATAMI).id } })).toBe(1);
    await refused(TATAMI, { signatoryId: sig(TATAMI).id, hash, method: "SEAL", image: hankoPng() }, "ALREADY_SIGNED");
    await refused(TATAMI, { signatoryId: sig(TATAMI).id, hash, method: "DRAWN", image: strokePng(4) }, "ALREADY_SIGNED");
    await refused(TATAMI, { signatoryId: sig(TATAMI).id, hash, typedName: "多々見良三" }, "ALREADY_SIGNED");
    expect(await db.signature.count({ where: { communiqueId, signatoryId: sig(TATAMI).id } })).toBe(1);
  });

  it("refuses signing before signing is opened (NOT_ALLOWED_NOW)", async () => {
    const { communiqueId: id, hash: approvedHash, signatories: own } = notOpened;
    expect(await statusOf(id)).toBe("APPROVED");
    await refused(KRAVCHUK, { signatoryId: signatoryOf(own, KRAVCHUK).id, hash: approvedHash }, "NOT_ALLOWED_NOW", id);
    await refused(NAKAHARA, { signatoryId: signatoryOf(own, NAKAHARA).id, hash: approvedHash, method: "DRAWN", image: strokePng() }, "NOT_ALLOWED_NOW", id);
  });
});

describe("the signature itself", () => {
  const kalita = () => ({ signatoryId: sig(KALITA).id, hash });

  it("refuses an empty drawing (EMPTY_SIGNATURE): fully transparent, all white, or no image at all", async () => {
    await refused(KALITA, { ...kalita(), method: "DRAWN", image: emptyPng() }, "EMPTY_SIGNATURE");
    await refused(KALITA, { ...kalita(), method: "DRAWN", image: whitePng() }, "EMPTY_SIGNATURE");
    await refused(KALITA, { ...kalita(), method: "DRAWN" }, "EMPTY_SIGNATURE");
  });

  it("refuses a seal that is not an image (BAD_IMAGE)", async () => {
    await refused(KALITA, { ...kalita(), method: "SEAL", image: new TextEncoder().encode("hello") }, "BAD_IMAGE");
    await refused(KALITA, { ...kalita(), method: "SEAL" }, "BAD_IMAGE");
    // A PNG signature followed by garbage, and a PNG cut short.
    const png = hankoPng();
    await refused(KALITA, { ...kalita(), method: "SEAL", image: new Uint8Array([...png.subarray(0, 8), ...new TextEncoder().encode("hello, not a PNG")]) }, "BAD_IMAGE");
    await refused(KALITA, { ...kalita(), method: "SEAL", image: png.subarray(0, Math.floor(png.length / 2)) }, "BAD_IMAGE");
    await refused(KALITA, { ...kalita(), method: "DRAWN", image: new TextEncoder().encode("hello") }, "BAD_IMAGE");
  });

  it("refuses an image over 512 KB (BAD_IMAGE), as a seal or as a drawing", async () => {
    const big = oversizedPng();
    expect(big.length).toBeGreaterThan(MAX_IMAGE_BYTES);
    await refused(KALITA, { ...kalita(), method: "SEAL", image: big }, "BAD_IMAGE");
    await refused(KALITA, { ...kalita(), method: "DRAWN", image: big }, "BAD_IMAGE");
  });

  it("refuses an image larger than 2400 pixels on a side (BAD_IMAGE), PNG or JPEG", async () => {
    await refused(KALITA, { ...kalita(), method: "DRAWN", image: widePng() }, "BAD_IMAGE");
    await refused(KALITA, { ...kalita(), method: "SEAL", image: widePng() }, "BAD_IMAGE");
    await refused(KALITA, { ...kalita(), method: "SEAL", image: tinyJpeg({ declared: { width: 3000, height: 200 } }) }, "BAD_IMAGE");
    await refused(KALITA, { ...kalita(), method: "SEAL", image: tinyJpeg({ declared: { width: 0, height: 200 } }) }, "BAD_IMAGE");
  });

  // checkSignatureImage promises a decodable image, but for a JPEG it reads only the frame
  // header: a file with SOI, JFIF, a quantisation table and SOF0 and nothing else (no Huffman
  // tables, no scan) is accepted as a seal. When everyone has signed, it goes into the sealed
  // final PDF as an image stream with no picture in it: the signature block shows an empty
  // space (poppler) or an error (stricter readers), in the document of record.
  it("refuses a JPEG that holds no picture, only its header (BAD_IMAGE)", async () => {
    // (Another signatory than in the other tests: while this is accepted, it records a signature.)
    const headerOnly = tinyJpeg({ headerOnly: true });
    await refused(IVANENKO, { signatoryId: sig(IVANENKO).id, hash, method: "SEAL", image: headerOnly }, "BAD_IMAGE");
  });

  // The PDF engine embeds a JPEG of 1, 3 or 4 components only: a seal of 2 or 5 was accepted
  // here and then made every finalisation throw, leaving the communiqué in SIGNING for good.
  it("refuses a JPEG whose frame declares 2 or 5 colour components (BAD_IMAGE)", async () => {
    await refused(IVANENKO, { signatoryId: sig(IVANENKO).id, hash, method: "SEAL", image: tinyJpeg({ components: 2 }) }, "BAD_IMAGE");
    await refused(IVANENKO, { signatoryId: sig(IVANENKO).id, hash, method: "SEAL", image: tinyJpeg({ components: 5 }) }, "BAD_IMAGE");
  });

  it("refuses a decompression bomb from its header, in well under a second (BAD_IMAGE)", async () => {
    const bomb = bombPng();
    for (const method of ["SEAL", "DRAWN"] as const) {
      const started = performance.now();
      await refused(KALITA, { ...kalita(), method, image: bomb }, "BAD_IMAGE");
      expect(performance.now() - started, method).toBeLessThan(500);
    }
  });

  it("looks at no image while signing is closed (NOT_ALLOWED_NOW, even for a bomb)", async () => {
    const { communiqueId: id, hash: approvedHash, signatories: own } = notOpened;
    const started = performance.now();
    await refused(KALITA, { signatoryId: signatoryOf(own, KALITA).id, hash: approvedHash, method: "SEAL", image: bombPng() }, "NOT_ALLOWED_NOW", id);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("refuses a JPEG claimed as a drawing (BAD_IMAGE), though it would do as a seal", async () => {
    const jpeg = tinyJpeg();
    await refused(KALITA, { ...kalita(), method: "DRAWN", image: jpeg }, "BAD_IMAGE");
    // The same bytes are a valid seal image: the refusal is about the method, not the file.
    const { id } = await signAs(as[MATSUDA]!, communiqueId, { signatoryId: sig(MATSUDA).id, hash, method: "SEAL", image: jpeg });
    const row = await db.signature.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ method: "SEAL", imageType: "image/jpeg" });
  });

  it("refuses a typed name the document's fonts cannot draw (MISSING_GLYPHS)", async () => {
    const error = await refused(KALITA, { ...kalita(), method: "TYPED", typedName: "Калита В. С. 🖋️" }, "MISSING_GLYPHS");
    expect(String(error.params.chars)).toContain("🖋");
    await refused(KALITA, { ...kalita(), method: "TYPED", typedName: "😀" }, "MISSING_GLYPHS");
  });

  it("refuses an empty typed name (VALIDATION {typedName: required})", async () => {
    for (const typedName of ["", "   ", "\u00a0\t"]) {
      const error = await refused(KALITA, { ...kalita(), method: "TYPED", typedName }, "VALIDATION");
      expect(error.fieldErrors, JSON.stringify(typedName)).toEqual({ typedName: "required" });
    }
    await refused(KALITA, { ...kalita(), method: "TYPED", typedName: "К".repeat(121) }, "VALIDATION");
  });

  it("still accepts the signatory afterwards, once, with what was refused put right", async () => {
    const { id } = await signAs(as[KALITA]!, communiqueId, { ...kalita(), method: "DRAWN", image: strokePng(2) });
    const rows = await db.signature.findMany({ where: { communiqueId, signatoryId: sig(KALITA).id } });
    expect(rows.map((r) => r.id)).toEqual([id]);
    expect(rows[0]).toMatchObject({ revisionHash: hash, method: "DRAWN", imageType: "image/png" });
    expect(await statusOf(communiqueId)).toBe("SIGNING");
  });
});
