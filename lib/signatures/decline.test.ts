import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  approvalActors,
  eventsOf,
  expectWrittenIn,
  IVANOVA,
  KALITA,
  KRAVCHUK,
  LOCALE_OF,
  mailMark,
  mailsSince,
  MATSUDA,
  NAKAHARA,
  outsider,
  statusOf,
  type Actors,
  linkedPage,
} from "@/lib/testing/approval-fixtures";
import { refusal } from "@/lib/testing/drafting-fixtures";
import {
  approveByAllHeads,
  hankoPng,
  reviseAndApprove,
  signAs,
  SIGNATORIES,
  signatoryOf,
  signingCommunique,
  strokePng,
  useSigningDatabase,
  type MeetingSignatory,
} from "@/lib/testing/signing-fixtures";
import { ADMIN, SECRETARIAT } from "@/lib/testing/test-db";
import { submitCommunique } from "@/lib/communiques/submit-communique";
import { declineSigning } from "./decline-signing";
import { getSigning } from "./get-signing";
import { openSigning } from "./open-signing";

useSigningDatabase();

const REASON = "Дата подписания указана неверно: встреча завершилась 24 августа.";

let as: Actors;
let communiqueId: string;
let hash: string;
let revisionId: string;
let clauseIds: string[];
let signatories: MeetingSignatory[];

beforeAll(async () => {
  as = await approvalActors();
  ({ communiqueId, hash, revisionId, clauseIds, signatories } = await signingCommunique(as));
});

const sig = (email: string) => signatoryOf(signatories, email);
const declines = () => db.signatureDecline.findMany({ where: { communiqueId }, orderBy: { createdAt: "asc" } });

/** Declines and expects the refusal `code`, with the signing going on unchanged. */
async function refusedDecline(email: string, input: Record<string, unknown>, code: string) {
  const mark = await mailMark(communiqueId);
  const error = await refusal(declineSigning(as[email]!, { communiqueId, ...input }));
  expect(error.code, email).toBe(code);
  expect(await statusOf(communiqueId)).toBe("SIGNING");
  expect((await db.communique.findUniqueOrThrow({ where: { id: communiqueId } })).approvedRevisionId).toBe(revisionId);
  expect(await declines()).toEqual([]);
  expect(await mailsSince(communiqueId, mark)).toEqual([]);
  return error;
}

describe("declining refused", () => {
  it("refuses an empty reason (VALIDATION {reason: required})", async () => {
    for (const reason of ["", "   ", "\n\t\n"]) {
      const error = await refusedDecline(MATSUDA, { signatoryId: sig(MATSUDA).id, reason }, "VALIDATION");
      expect(error.fieldErrors, JSON.stringify(reason)).toEqual({ reason: "required" });
    }
    await refusedDecline(MATSUDA, { signatoryId: sig(MATSUDA).id }, "VALIDATION");
  });

  it("refuses someone who is not this signatory (FORBIDDEN): the deputy head, another signatory, staff, an outsider", async () => {
    await refusedDecline(IVANOVA, { signatoryId: sig(KRAVCHUK).id, reason: REASON }, "FORBIDDEN");
    await refusedDecline(KALITA, { signatoryId: sig(MATSUDA).id, reason: REASON }, "FORBIDDEN");
    await refusedDecline(SECRETARIAT, { signatoryId: sig(MATSUDA).id, reason: REASON }, "FORBIDDEN");
    await refusedDecline(ADMIN, { signatoryId: sig(MATSUDA).id, reason: REASON }, "FORBIDDEN");
    const stranger = await outsider();
    const error = await refusal(declineSigning(stranger, { communiqueId, signatoryId: sig(MATSUDA).id, reason: REASON }));
    expect(error.code).toBe("FORBIDDEN");
    expect(await declines()).toEqual([]);
  });
});

describe("a signatory declines", () => {
  let mark: Set<string>;

  beforeAll(async () => {
    // Two signatures are in already: they belong to the revision that is now abandoned.
    await signAs(as[KRAVCHUK]!, communiqueId, { signatoryId: sig(KRAVCHUK).id, hash, method: "DRAWN", image: strokePng() });
    await signAs(as[NAKAHARA]!, communiqueId, { signatoryId: sig(NAKAHARA).id, hash, method: "SEAL", image: hankoPng() });
    mark = await mailMark(communiqueId);
    await declineSigning(as[MATSUDA]!, { communiqueId, signatoryId: sig(MATSUDA).id, reason: `  ${REASON}  ` });
  });

  it("stops the signing: CHANGES_REQUESTED, no approved revision", async () => {
    const communique = await db.communique.findUniqueOrThrow({ where: { id: communiqueId } });
    expect(communique.status).toBe("CHANGES_REQUESTED");
    expect(communique.approvedRevisionId).toBeNull();
    expect(await db.finalDocument.findUnique({ where: { communiqueId } })).toBeNull();
  });

  it("keeps the decline with its reason, and an audit event", async () => {
    expect(await declines()).toEqual([
      expect.objectContaining({ communiqueId, revisionId, signatoryId: sig(MATSUDA).id, userId: as[MATSUDA]!.userId, reason: REASON }),
    ]);
    const events = await eventsOf(communiqueId, "signing.declined");
    expect(events).toHaveLength(1);
    expect(events[0]!.actorUserId).toBe(as[MATSUDA]!.userId);
    expect(events[0]!.data).toEqual({ signatory: sig(MATSUDA).id, revision: revisionId });
  });

  it('tells the secretariat and the other seven signatories ("signing-declined"), not the decliner, each in their language', async () => {
    const mails = await mailsSince(communiqueId, mark);
    expect(mails.every((m) => m.kind === "signing-declined")).toBe(true);
    const others = SIGNATORIES.filter((e) => e !== MATSUDA);
    expect(mails.map((m) => m.to).sort()).toEqual([SECRETARIAT, ...others].sort());
    for (const mail of mails) {
      const locale = mail.to === SECRETARIAT ? "ru" : LOCALE_OF[mail.to]!;
      // The text quotes the reason as written (here in Russian), so only the subject is checked for its language.
      expectWrittenIn({ ...mail, text: locale === "ru" ? "текст" : "本文" }, locale);
      expect(mail.subject, mail.to).toMatch(locale === "ru" ? /^Отказ от подписания коммюнике: / : /^【署名辞退】/);
      expect(await linkedPage(mail.text), mail.to).toBe(`/communiques/${communiqueId}`);
      expect(mail.text, mail.to).toContain(REASON);
    }
  });

  // The mail names the decliner by the account's display name, which for the Japanese
  // signatories is written in Japanese (and for the Russian ones in Cyrillic), whatever the
  // recipient reads: Russian mail says "松田滋人 отказывается подписать коммюнике". The
  // person's name exists in both languages (as the PDF prints it) and should follow the
  // recipient's language, as everything else in the message does.
  it("names the decliner in each recipient's language", async () => {
    const mails = await mailsSince(communiqueId, mark, "signing-declined");
    expect(mails.length).toBeGreaterThan(0);
    const name = sig(MATSUDA).name;
    for (const mail of mails) {
      const locale = mail.to === SECRETARIAT ? "ru" : LOCALE_OF[mail.to]!;
      expect(mail.text, mail.to).toContain(locale === "ru" ? name.ru : name.ja);
      expect(mail.text, mail.to).not.toContain(locale === "ru" ? name.ja : name.ru);
    }
  });

  it("refuses signing afterwards (NOT_ALLOWED_NOW), for those who signed and those who did not", async () => {
    const before = await db.signature.count({ where: { communiqueId } });
    for (const [email, options] of [
      [KALITA, { method: "TYPED" as const }],
      [KRAVCHUK, { method: "DRAWN" as const, image: strokePng(3) }],
    ] as const) {
      const error = await refusal(signAs(as[email]!, communiqueId, { signatoryId: sig(email).id, hash, ...options }));
      expect(error.code, email).toBe("NOT_ALLOWED_NOW");
    }
    expect(await db.signature.count({ where: { communiqueId } })).toBe(before);
  });

  it("refuses a second decline and reopening the signing (NOT_ALLOWED_NOW)", async () => {
    expect((await refusal(declineSigning(as[KALITA]!, { communiqueId, signatoryId: sig(KALITA).id, reason: REASON }))).code).toBe("NOT_ALLOWED_NOW");
    expect((await refusal(openSigning(as[SECRETARIAT]!, communiqueId))).code).toBe("NOT_ALLOWED_NOW");
    expect(await declines()).toHaveLength(1);
  });
});

describe("after a new revision is approved", () => {
  let second: { revisionId: string; hash: string };
  let mark: Set<string>;

  beforeAll(async () => {
    const clause = await db.clause.findUniqueOrThrow({ where: { id: clauseIds[0]! } });
    second = await reviseAndApprove(as, communiqueId, clause.id, `${clause.textRu} Стороны договорились вернуться к этому вопросу.`);
    mark = await mailMark(communiqueId);
    await openSigning(as[SECRETARIAT]!, communiqueId);
  });

  it("reopening the signing tells all eight signatories again, with the new revision's hash", async () => {
    const mails = await mailsSince(communiqueId, mark, "signing-opened");
    expect(mails.map((m) => m.to).sort()).toEqual([...SIGNATORIES].sort());
    for (const mail of mails) {
      expect(mail.text, mail.to).toContain(second.hash);
      expect(mail.text, mail.to).not.toContain(hash);
    }
  });

  it("signing starts afresh: the earlier signatures do not count, the old hash is superseded", async () => {
    expect(second.hash).not.toBe(hash);
    expect(await statusOf(communiqueId)).toBe("SIGNING");
    const stale = await refusal(signAs(as[KALITA]!, communiqueId, { signatoryId: sig(KALITA).id, hash }));
    expect(stale.code).toBe("REVISION_SUPERSEDED");
    // Kravchuk signed the first revision; he signs the second one too.
    const result = await signAs(as[KRAVCHUK]!, communiqueId, { signatoryId: sig(KRAVCHUK).id, hash: second.hash });
    expect(result.complete).toBe(false);
    expect(await db.signature.count({ where: { revisionId: second.revisionId } })).toBe(1);
    expect(await db.signature.count({ where: { revisionId } })).toBe(2);
  });
});

describe("a new signing round of the same revision (declined, sent again unchanged, approved again)", () => {
  let round: { communiqueId: string; hash: string; revisionId: string; signatories: MeetingSignatory[] };
  const own = (email: string) => signatoryOf(round.signatories, email);

  beforeAll(async () => {
    round = await signingCommunique(as);
    await signAs(as[KRAVCHUK]!, round.communiqueId, { signatoryId: own(KRAVCHUK).id, hash: round.hash });
    await signAs(as[NAKAHARA]!, round.communiqueId, { signatoryId: own(NAKAHARA).id, hash: round.hash, method: "SEAL", image: hankoPng() });
    await signAs(as[KALITA]!, round.communiqueId, { signatoryId: own(KALITA).id, hash: round.hash });
    await declineSigning(as[MATSUDA]!, { communiqueId: round.communiqueId, signatoryId: own(MATSUDA).id, reason: REASON });
    const again = await submitCommunique(as[SECRETARIAT]!, round.communiqueId);
    expect(again).toEqual({ revisionId: round.revisionId, hash: round.hash });
    await approveByAllHeads(as, round.communiqueId, round.hash);
    await openSigning(as[SECRETARIAT]!, round.communiqueId);
  });

  it("starts with no signatures: nobody is shown as signed, and everyone is asked to sign", async () => {
    const page = await getSigning(as[KRAVCHUK]!, round.communiqueId);
    expect(page.revision?.id).toBe(round.revisionId);
    expect(page.signatories.map((s) => s.signedAt)).toEqual(round.signatories.map(() => null));
    expect(page.mine).toEqual([expect.objectContaining({ id: own(KRAVCHUK).id, signed: false })]);
  });

  it("lets those who signed in the declined round sign again, and counts only this round's signatures", async () => {
    const result = await signAs(as[KRAVCHUK]!, round.communiqueId, { signatoryId: own(KRAVCHUK).id, hash: round.hash });
    expect(result.complete).toBe(false);
    expect((await refusal(signAs(as[KRAVCHUK]!, round.communiqueId, { signatoryId: own(KRAVCHUK).id, hash: round.hash }))).code).toBe("ALREADY_SIGNED");
    const page = await getSigning(as[KALITA]!, round.communiqueId);
    expect(page.signatories.filter((s) => s.signedAt).map((s) => s.id)).toEqual([own(KRAVCHUK).id]);
  });

  it("keeps the declined round's signatures as history", async () => {
    const rows = await db.signature.findMany({ where: { communiqueId: round.communiqueId }, orderBy: { signedAt: "asc" } });
    expect(rows.map((r) => [r.signatoryId, r.round])).toEqual([
      [own(KRAVCHUK).id, 1],
      [own(NAKAHARA).id, 1],
      [own(KALITA).id, 1],
      [own(KRAVCHUK).id, 2],
    ]);
    expect(await statusOf(round.communiqueId)).toBe("SIGNING");
  });
});
