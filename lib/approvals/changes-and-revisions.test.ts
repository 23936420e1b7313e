import { beforeAll, describe, expect, it } from "vitest";
import { insertClause } from "@/lib/clauses/insert-clause";
import { updateClauseText } from "@/lib/clauses/update-clause-text";
import { addComment } from "@/lib/comments/add-comment";
import { submitCommunique } from "@/lib/communiques/submit-communique";
import { db } from "@/lib/db";
import { saveRevision } from "@/lib/revisions/save-revision";
import {
  APPROVERS,
  approvalActors,
  decideAs,
  delegationOf,
  editClause,
  eventsOf,
  expectWrittenIn,
  IVANOVA,
  KALITA,
  LOCALE_OF,
  mailMark,
  mailsSince,
  NAKAHARA,
  roundsOf,
  statusOf,
  submittedCommunique,
  TATAMI,
  useApprovalDatabase,
  type Actors,
  type MeetingDelegation,
} from "@/lib/testing/approval-fixtures";
import { refusal } from "@/lib/testing/drafting-fixtures";
import { SECRETARIAT } from "@/lib/testing/test-db";
import { getReview } from "./get-review";
import { getRoundStatus } from "./get-round-status";

useApprovalDatabase();

let as: Actors;
let communiqueId: string;
let clauseIds: [string, string, string];
let delegations: MeetingDelegation[];
let first: { revisionId: string; hash: string };

const CLAUSE_COMMENT = "「港湾機能」の前に「参加都市の」を補ってください。";
const DECISION_COMMENT = "第2項の表現を確認してください。";

beforeAll(async () => {
  as = await approvalActors();
  const submitted = await submittedCommunique(as[SECRETARIAT]!);
  ({ communiqueId, clauseIds, delegations } = submitted);
  first = { revisionId: submitted.revisionId, hash: submitted.hash };
});

const openRound = async () => (await roundsOf(communiqueId)).filter((r) => r.closedAt === null);

describe("a head requests changes", () => {
  it("refuses VALIDATION {comment: required} without a comment, recording nothing", async () => {
    for (const comment of [undefined, "", "  \n\t "]) {
      const error = await refusal(decideAs(as[NAKAHARA]!, communiqueId, first.hash, "CHANGES_REQUESTED", comment));
      expect(error.code, JSON.stringify(comment)).toBe("VALIDATION");
      expect(error.fieldErrors).toEqual({ comment: "required" });
    }
    expect(await db.approval.count({ where: { round: { communiqueId } } })).toBe(0);
    expect(await eventsOf(communiqueId, "approval.changes-requested")).toEqual([]);
    expect(await statusOf(communiqueId)).toBe("IN_APPROVAL");
    expect(await openRound()).toHaveLength(1);
  });

  it("with a comment: CHANGES_REQUESTED, the round closed, the secretariat told with the comments", async () => {
    // Kalita approves first: that approval must not survive the next revision.
    await decideAs(as[KALITA]!, communiqueId, first.hash);
    await addComment(as[NAKAHARA]!, { communiqueId, revisionId: first.revisionId, blockId: `clause-${clauseIds[1]}`, lang: "ja", body: CLAUSE_COMMENT });
    const mark = await mailMark(communiqueId);

    const result = await decideAs(as[NAKAHARA]!, communiqueId, first.hash, "CHANGES_REQUESTED", DECISION_COMMENT);
    expect(result.state).toBe("CHANGES_REQUESTED");
    expect(await statusOf(communiqueId)).toBe("CHANGES_REQUESTED");
    const [round] = await roundsOf(communiqueId);
    expect(round!.closedAt).toBeInstanceOf(Date);
    const row = await db.approval.findUniqueOrThrow({ where: { id: result.id } });
    expect(row).toMatchObject({
      decision: "CHANGES_REQUESTED",
      comment: DECISION_COMMENT,
      delegationId: delegationOf(delegations, NAKAHARA).id,
      actorUserId: as[NAKAHARA]!.userId,
      onBehalfOfPersonId: as[NAKAHARA]!.personId,
    });
    const events = await eventsOf(communiqueId, "approval.changes-requested");
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ delegation: row.delegationId, revisionHash: first.hash, asDeputy: false });

    const mails = await mailsSince(communiqueId, mark);
    expect(mails.every((m) => m.kind === "changes-requested")).toBe(true);
    const secretariat = (await db.user.findMany({ where: { role: "SECRETARIAT", active: true } })).map((u) => u.email);
    expect(mails.map((m) => m.to).sort()).toEqual([...secretariat].sort());
    const mail = mails.find((m) => m.to === SECRETARIAT)!;
    expectWrittenIn({ ...mail, text: mail.text.replace(DECISION_COMMENT, "").replace(CLAUSE_COMMENT, "").replace(/中原八一/g, "") }, "ru");
    expect(mail.subject).toMatch(/^Запрошены изменения в проекте коммюнике: /);
    expect(mail.text).toContain("НАКАХАРА Яити просит внести изменения");
    expect(mail.text).toContain(DECISION_COMMENT);
    expect(mail.text).toContain(CLAUSE_COMMENT);
    expect(mail.text).toContain("(японский текст)");
    // The link opens the board at the comments, which it lists with their text.
    expect(mail.text).toContain(`/communiques/${communiqueId}/status#comments`);
  });

  // The mail labels a clause comment with the block's internal id ("clause-cm…"), not with the
  // clause as the secretariat knows it ("Пункт 2"), which the template expects as its label.
  it("names the commented clause by its number in the secretariat's mail, not by an internal id", async () => {
    const [mail] = await mailsOf("changes-requested");
    expect(mail!.text).toContain("Пункт 2 (японский текст)");
    expect(mail!.text).not.toContain(`clause-${clauseIds[1]}`);
  });

  it("refuses any other decision on the closed round with NOT_ALLOWED_NOW", async () => {
    for (const who of [TATAMI, IVANOVA, NAKAHARA]) {
      const error = await refusal(decideAs(as[who]!, communiqueId, first.hash));
      expect(error.code, who).toBe("NOT_ALLOWED_NOW");
      expect(error.params).toEqual({ state: "CHANGES_REQUESTED" });
    }
  });
});

describe("the secretariat edits and resubmits", () => {
  let second: { revisionId: string; hash: string };

  it("opens a new round on a new revision, where no earlier decision counts", async () => {
    const mark = await mailMark(communiqueId);
    await editClause(as[SECRETARIAT]!, clauseIds[1], "ja", await jaWithPrefix(clauseIds[1], "参加都市の"));
    second = await submitCommunique(as[SECRETARIAT]!, communiqueId);
    expect(second.revisionId).not.toBe(first.revisionId);
    expect(second.hash).not.toBe(first.hash);
    expect(await statusOf(communiqueId)).toBe("IN_APPROVAL");

    const rounds = await roundsOf(communiqueId);
    expect(rounds).toHaveLength(2);
    expect(rounds[0]!.closedAt).toBeInstanceOf(Date);
    expect(rounds[1]).toMatchObject({ revisionId: second.revisionId, closedAt: null });
    expect(rounds[1]!.revision.number).toBe(2);
    expect(rounds[1]!.steps[0]!.members).toHaveLength(8);
    expect(rounds[1]!.decisions).toEqual([]);

    const status = await getRoundStatus(as[SECRETARIAT]!, communiqueId);
    expect(status.round).toMatchObject({ id: rounds[1]!.id, open: true, revision: { number: 2, hash: second.hash } });
    expect(status.steps.flatMap((s) => s.heads).map((h) => h.state)).toEqual(Array(8).fill("PENDING"));

    // The heads are told what changed instead of a plain request.
    const mails = await mailsSince(communiqueId, mark);
    expect(mails.every((m) => m.kind === "revision-changed")).toBe(true);
    expect(mails.map((m) => m.to).sort()).toEqual([...APPROVERS].sort());
    for (const m of mails) {
      expectWrittenIn(m, LOCALE_OF[m.to]!);
      if (m.locale === "ru") {
        expect(m.subject).toMatch(/^Коммюнике изменено \(редакция № 2\): /);
        expect(m.text).toContain("Изменённых фрагментов: 1.");
        expect(m.text).toContain("• Пункт 2: изменён");
      } else {
        expect(m.subject).toMatch(/^【修正のお知らせ】.*（第2版）$/);
        expect(m.text).toContain("変更箇所：1件");
        expect(m.text).toContain("・第2項: 変更");
      }
      expect(m.text).not.toMatch(/Пункт [13]|第[13]項/);
    }
  });

  it("refuses a decision on the old revision with REVISION_SUPERSEDED, and takes the earlier approver's new decision", async () => {
    const error = await refusal(decideAs(as[KALITA]!, communiqueId, first.hash));
    expect(error.code).toBe("REVISION_SUPERSEDED");
    expect(error.params).toEqual({ number: 2 });
    expect(error.details).toEqual({ link: `/communiques/${communiqueId}/review` });

    // Kalita approved revision 1; that does not count now, so a decision on revision 2 is taken.
    expect(await decideAs(as[KALITA]!, communiqueId, second.hash)).toMatchObject({ state: "IN_APPROVAL" });
    expect(await decideAs(as[NAKAHARA]!, communiqueId, second.hash)).toMatchObject({ state: "IN_APPROVAL" });
    const [, round] = await roundsOf(communiqueId);
    expect(round!.decisions.map((d) => d.revisionId)).toEqual([second.revisionId, second.revisionId]);
  });

  it("saving a revision after an edit during approval sends it round again: new revision, new round, earlier decisions lapse", async () => {
    const mark = await mailMark(communiqueId);
    await editClause(as[SECRETARIAT]!, clauseIds[2], "ru", "Стороны договорились расширить обмен деловыми миссиями.");
    const third = await saveRevision(as[SECRETARIAT]!, communiqueId);
    expect(third).toMatchObject({ number: 3, created: true, resent: true });
    expect(await statusOf(communiqueId)).toBe("IN_APPROVAL");

    const rounds = await roundsOf(communiqueId);
    expect(rounds).toHaveLength(3);
    expect(rounds.filter((r) => r.closedAt === null).map((r) => r.revisionId)).toEqual([third.id]);
    const status = await getRoundStatus(as[SECRETARIAT]!, communiqueId);
    expect(status.round).toMatchObject({ open: true, revision: { number: 3 } });
    expect(status.steps.flatMap((s) => s.heads).every((h) => h.state === "PENDING")).toBe(true);

    const mails = await mailsSince(communiqueId, mark);
    expect(mails.every((m) => m.kind === "revision-changed")).toBe(true);
    expect(mails.map((m) => m.to).sort()).toEqual([...APPROVERS].sort());
    const ru = mails.find((m) => m.to === KALITA)!;
    expect(ru.subject).toMatch(/редакция № 3/);
    expect(ru.text).toContain("• Пункт 3: изменён");
    expect(ru.text).not.toContain("Пункт 2");
    expect(mails.find((m) => m.to === NAKAHARA)!.text).toContain("・第3項: 変更");

    for (const hash of [first.hash, second.hash]) {
      const error = await refusal(decideAs(as[NAKAHARA]!, communiqueId, hash));
      expect(error.code).toBe("REVISION_SUPERSEDED");
      expect(error.params).toEqual({ number: 3 });
    }
    // Nakahara's approval of revision 2 lapsed with it.
    expect(await decideAs(as[NAKAHARA]!, communiqueId, third.hash)).toMatchObject({ state: "IN_APPROVAL" });
    const review = await getReview(as[KALITA]!, communiqueId);
    expect(review.revision).toMatchObject({ number: 3, hash: third.hash });
    expect(review.canDecide).toMatchObject({ delegationId: delegationOf(delegations, KALITA).id });
    expect(review.diff?.since).toBe(2);
    expect(review.diff?.blocks.filter((b) => b.status !== "same").map((b) => b.id)).toEqual([`clause-${clauseIds[2]}`]);
  });

  it("saving without a change opens no round and sends nothing", async () => {
    const mark = await mailMark(communiqueId);
    const again = await saveRevision(as[SECRETARIAT]!, communiqueId);
    expect(again).toMatchObject({ number: 3, created: false, resent: false });
    expect(await roundsOf(communiqueId)).toHaveLength(3);
    expect(await mailsSince(communiqueId, mark)).toEqual([]);
    expect((await getRoundStatus(as[SECRETARIAT]!, communiqueId)).steps[0]!.heads.filter((h) => h.state === "APPROVED")).toHaveLength(1);
  });
});

describe("a revision saved during approval goes round without the submission checks", () => {
  // Submitting refuses a flagged translation or an empty clause (STALE_TRANSLATIONS,
  // EMPTY_CLAUSES), so that the heads never approve a text whose two languages differ. A
  // revision saved while IN_APPROVAL is sent round to the heads just the same, but saveRevision
  // runs none of those checks: the heads are asked to approve (and can approve) such a text.
  async function expectNotSentRound(change: (communiqueId: string, clauseIds: [string, string, string]) => Promise<unknown>) {
    const sub = await submittedCommunique(as[SECRETARIAT]!);
    await change(sub.communiqueId, sub.clauseIds);
    const mark = await mailMark(sub.communiqueId);
    await saveRevision(as[SECRETARIAT]!, sub.communiqueId).catch(() => null);
    const open = (await roundsOf(sub.communiqueId)).filter((r) => r.closedAt === null);
    expect(open.map((r) => r.revisionId)).toEqual([sub.revisionId]);
    expect(await mailsSince(sub.communiqueId, mark)).toEqual([]);
  }

  it("does not send round a revision with a flagged translation", async () => {
    await expectNotSentRound(async (_, [clauseId]) => {
      const { version } = await db.clause.findUniqueOrThrow({ where: { id: clauseId } });
      // Only the Russian changes: the Japanese is flagged as out of date.
      await updateClauseText(as[SECRETARIAT]!, { clauseId, lang: "ru", text: "Стороны договорились сократить план до пяти пунктов.", baseVersion: version });
    });
  });

  it("does not send round a revision with an empty clause", async () => {
    await expectNotSentRound((communiqueId) => insertClause(as[SECRETARIAT]!, { communiqueId, position: 99 }));
  });
});

/** The Japanese text of a clause with `prefix` put before its first 港湾 (or at its start). */
async function jaWithPrefix(clauseId: string, prefix: string) {
  const { textJa } = await db.clause.findUniqueOrThrow({ where: { id: clauseId } });
  return textJa.includes("港湾") ? textJa.replace("港湾", `${prefix}港湾`) : `${prefix}${textJa}`;
}

/** All mail of a kind about this file's communiqué. */
async function mailsOf(kind: string) {
  return mailsSince(communiqueId, new Set(), kind);
}
