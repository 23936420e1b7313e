import { beforeAll, describe, expect, it } from "vitest";
import { verifyChain } from "@/lib/audit/verify-chain";
import { submitCommunique } from "@/lib/communiques/submit-communique";
import { db } from "@/lib/db";
import {
  APPROVERS,
  approvalActors,
  decideAs,
  delegationOf,
  draftCommunique,
  eventsOf,
  expectWrittenIn,
  GLADKIKH,
  HEADS,
  HONDA,
  IVANENKO,
  IVANOVA,
  KALITA,
  KRAVCHUK,
  LOCALE_OF,
  mailMark,
  mailsOf,
  mailsSince,
  MATSUDA,
  meetingDelegations,
  NAKAHARA,
  outsider,
  participantOnly,
  roundsOf,
  statusOf,
  TATAMI,
  useApprovalDatabase,
  type Actors,
  type MeetingDelegation,
  linkedPage,
  personalLinkIn,
} from "@/lib/testing/approval-fixtures";
import { refusal } from "@/lib/testing/drafting-fixtures";
import { ADMIN, SECRETARIAT } from "@/lib/testing/test-db";
import { getRoundStatus } from "./get-round-status";

useApprovalDatabase();

let as: Actors;
let communiqueId: string;
let meetingId: string;
let delegations: MeetingDelegation[];
let hash: string;
let revisionId: string;
let meetingNumber: number;

beforeAll(async () => {
  as = await approvalActors();
  ({ communiqueId, meetingId } = await draftCommunique(as[SECRETARIAT]!));
  delegations = await meetingDelegations(meetingId);
  meetingNumber = (await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).number;
});

const approvalsOf = (delegationId: string) => db.approval.findMany({ where: { delegationId } });

describe("approval with the default route: every delegation in parallel", () => {
  it("submitting opens one round with one step holding all eight delegations", async () => {
    ({ hash, revisionId } = await submitCommunique(as[SECRETARIAT]!, communiqueId));
    expect(await statusOf(communiqueId)).toBe("IN_APPROVAL");

    const rounds = await roundsOf(communiqueId);
    expect(rounds).toHaveLength(1);
    const [round] = rounds;
    expect(round).toMatchObject({ revisionId, closedAt: null, remindedAt: null });
    expect(round!.revision.hash).toBe(hash);
    expect(round!.steps).toHaveLength(1);
    expect(round!.steps[0]!.members.map((m) => m.delegationId).sort()).toEqual(delegations.map((d) => d.id).sort());
    expect(delegations).toHaveLength(8);
    expect(round!.decisions).toEqual([]);

    const opened = await eventsOf(communiqueId, "round.opened");
    expect(opened.map((e) => e.data)).toEqual([{ round: round!.id, revision: revisionId, steps: [delegations.map((d) => d.id)] }]);
  });

  it("asks each head and the deputy for approval by mail, once each, in the account's language", async () => {
    const mails = await mailsOf(communiqueId);
    expect(mails.every((m) => m.kind === "approval-requested")).toBe(true);
    expect(mails.map((m) => m.to).sort()).toEqual([...APPROVERS].sort());
    for (const mail of mails) {
      expectWrittenIn(mail, LOCALE_OF[mail.to]!);
      expect(await linkedPage(mail.text)).toBe(`/communiques/${communiqueId}/review`);
      // A personal sign-in link: the recipient's own, for this communiqué, for 72 hours.
      const link = await personalLinkIn(mail.text);
      const owner = await db.user.findUniqueOrThrow({ where: { id: link!.userId } });
      expect(owner.email).toBe(mail.to);
      expect(link).toMatchObject({ kind: "SIGN_IN_LINK", communiqueId });
      expect(link!.expiresAt.getTime() - mail.createdAt.getTime()).toBeGreaterThan(72 * 3600_000 - 60_000);
      expect(mail.text).not.toContain(`/communiques/${communiqueId}`);
      expect(mail.sentAt).toBeNull();
    }
    const byTo = new Map(mails.map((m) => [m.to, m]));
    expect(byTo.get(KALITA)!.subject).toMatch(/^Просьба согласовать проект коммюнике: /);
    expect(byTo.get(KALITA)!.text).toContain("Здравствуйте, Калита В. С.!");
    expect(byTo.get(IVANOVA)!.text).toContain("Здравствуйте, Иванова Т.Н.!");
    expect(byTo.get(NAKAHARA)!.subject).toBe(`【承認のお願い】第${meetingNumber}回日ロ沿岸市長会議 共同コミュニケ案`);
    expect(byTo.get(NAKAHARA)!.text).toMatch(/^中原八一様/);
  });

  it("records a head's approval for their own delegation, on their own behalf", async () => {
    const kalita = as[KALITA]!;
    const result = await decideAs(kalita, communiqueId, hash);
    expect(result.state).toBe("IN_APPROVAL");

    const round = (await roundsOf(communiqueId))[0]!;
    const rows = await approvalsOf(delegationOf(delegations, KALITA).id);
    expect(rows).toEqual([
      expect.objectContaining({
        id: result.id,
        roundId: round.id,
        revisionId,
        revisionHash: hash,
        actorUserId: kalita.userId,
        onBehalfOfPersonId: kalita.personId,
        decision: "APPROVED",
        comment: null,
      }),
    ]);
    const events = await eventsOf(communiqueId, "approval.approved");
    expect(events).toHaveLength(1);
    expect(events[0]!.actorUserId).toBe(kalita.userId);
    expect(events[0]!.data).toEqual({
      round: round.id,
      revisionHash: hash,
      delegation: delegationOf(delegations, KALITA).id,
      onBehalfOf: kalita.personId,
      asDeputy: false,
    });
    expect(await statusOf(communiqueId)).toBe("IN_APPROVAL");
  });

  it("lets the named deputy approve for Khabarovsk on behalf of its head; the head then finds it decided", async () => {
    const khabarovsk = delegationOf(delegations, KRAVCHUK);
    const ivanova = as[IVANOVA]!;
    const kravchuk = as[KRAVCHUK]!;
    expect(khabarovsk.deputyPersonId).toBe(ivanova.personId);

    await decideAs(ivanova, communiqueId, hash);
    const rows = await approvalsOf(khabarovsk.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorUserId: ivanova.userId, onBehalfOfPersonId: kravchuk.personId, decision: "APPROVED" });
    const event = (await eventsOf(communiqueId, "approval.approved")).at(-1)!;
    expect(event.actorUserId).toBe(ivanova.userId);
    expect(event.data).toMatchObject({ delegation: khabarovsk.id, onBehalfOf: kravchuk.personId, asDeputy: true });

    for (const who of [KRAVCHUK, IVANOVA, KALITA]) {
      expect((await refusal(decideAs(as[who]!, communiqueId, hash))).code, who).toBe("ALREADY_DECIDED");
      expect((await refusal(decideAs(as[who]!, communiqueId, hash, "CHANGES_REQUESTED", "Поздно."))).code, who).toBe("ALREADY_DECIDED");
    }
    expect(await approvalsOf(khabarovsk.id)).toHaveLength(1);
    expect(await eventsOf(communiqueId, "approval.approved")).toHaveLength(2);
    expect(await statusOf(communiqueId)).toBe("IN_APPROVAL");
  });

  it("refuses a decision on another revision's hash with REVISION_SUPERSEDED, naming the current revision and linking to it", async () => {
    const mark = await mailMark(communiqueId);
    for (const wrong of ["0".repeat(64), hash.replace(/^./, (c) => (c === "a" ? "b" : "a"))]) {
      const error = await refusal(decideAs(as[NAKAHARA]!, communiqueId, wrong));
      expect(error.code).toBe("REVISION_SUPERSEDED");
      expect(error.params).toEqual({ number: 1 });
      expect(error.details).toEqual({ link: `/communiques/${communiqueId}/review` });
    }
    // Not a hash at all: a validation error, not a superseded revision.
    const malformed = await refusal(decideAs(as[NAKAHARA]!, communiqueId, "not-a-hash"));
    expect(malformed.code).toBe("VALIDATION");
    expect(malformed.fieldErrors).toEqual({ revisionHash: "invalid" });

    expect(await approvalsOf(delegationOf(delegations, NAKAHARA).id)).toEqual([]);
    expect(await mailsSince(communiqueId, mark)).toEqual([]);
  });

  it("refuses FORBIDDEN to the secretariat, the admin, a participant who heads no delegation and a delegate of another meeting", async () => {
    const participant = await participantOnly(meetingId);
    const stranger = await outsider();
    for (const actor of [as[SECRETARIAT]!, as[ADMIN]!, participant, stranger]) {
      expect((await refusal(decideAs(actor, communiqueId, hash))).code, actor.email).toBe("FORBIDDEN");
      expect((await refusal(decideAs(actor, communiqueId, hash, "CHANGES_REQUESTED", "Нет."))).code, actor.email).toBe("FORBIDDEN");
    }
    expect((await refusal(decideAs(null, communiqueId, hash))).code).toBe("UNAUTHENTICATED");
    expect((await refusal(decideAs(as[KALITA]!, "no-such-communique", hash))).code).toBe("NOT_FOUND");
    // The participant may read the communiqué (and its status), just not decide.
    expect((await getRoundStatus(participant, communiqueId)).steps[0]!.heads).toHaveLength(8);
    const round = (await roundsOf(communiqueId))[0]!;
    expect(round.decisions).toHaveLength(2);
    expect(await statusOf(communiqueId)).toBe("IN_APPROVAL");
  });

  it("shows who decided, for whom, on the status board", async () => {
    const status = await getRoundStatus(as[SECRETARIAT]!, communiqueId);
    expect(status.round).toMatchObject({ open: true, revision: { number: 1, hash } });
    const heads = status.steps[0]!.heads;
    const khabarovsk = heads.find((h) => h.delegationId === delegationOf(delegations, KRAVCHUK).id)!;
    expect(khabarovsk).toMatchObject({ state: "APPROVED", by: "Иванова Т.Н.", head: { ru: "Кравчук С. А." }, deputy: { ru: "Иванова Т.Н." } });
    expect(heads.filter((h) => h.state === "APPROVED").map((h) => h.delegationId).sort()).toEqual(
      [delegationOf(delegations, KRAVCHUK).id, delegationOf(delegations, KALITA).id].sort(),
    );
    expect(heads.filter((h) => h.state === "PENDING")).toHaveLength(6);
  });

  it("approves the communiqué when the last of the eight approves: round closed, secretariat and signatories told", async () => {
    const mark = await mailMark(communiqueId);
    const rest = [GLADKIKH, IVANENKO, NAKAHARA, TATAMI, MATSUDA, HONDA];
    for (const [i, who] of rest.entries()) {
      const result = await decideAs(as[who]!, communiqueId, hash);
      expect(result.state, who).toBe(i === rest.length - 1 ? "APPROVED" : "IN_APPROVAL");
      if (i < rest.length - 1) expect(await statusOf(communiqueId)).toBe("IN_APPROVAL");
    }
    expect(await statusOf(communiqueId)).toBe("APPROVED");

    const [round] = await roundsOf(communiqueId);
    expect(round!.closedAt).toBeInstanceOf(Date);
    expect(round!.decisions).toHaveLength(8);
    expect(new Set(round!.decisions.map((d) => d.delegationId))).toEqual(new Set(delegations.map((d) => d.id)));
    for (const d of round!.decisions) {
      const delegation = delegations.find((x) => x.id === d.delegationId)!;
      expect(d).toMatchObject({ decision: "APPROVED", revisionHash: hash, onBehalfOfPersonId: delegation.headPersonId });
    }

    // Only the approval mail went out: the last decision asks no one else.
    const mails = await mailsSince(communiqueId, mark);
    expect(mails.every((m) => m.kind === "communique-approved")).toBe(true);
    const signatories = await db.signatory.findMany({ where: { meetingId }, include: { person: { include: { user: true } } } });
    const signatoryEmails = signatories.map((s) => s.person.user!.email);
    expect([...signatoryEmails].sort()).toEqual([...HEADS].sort());
    const secretariat = (await db.user.findMany({ where: { role: "SECRETARIAT", active: true } })).map((u) => u.email);
    expect(secretariat).toContain(SECRETARIAT);
    expect(mails.map((m) => m.to).sort()).toEqual([...new Set([...secretariat, ...signatoryEmails])].sort());
    expect(mails.map((m) => m.to)).not.toContain(IVANOVA);
    for (const mail of mails) {
      if (mail.to === SECRETARIAT) expectWrittenIn(mail, "ru");
      else if (LOCALE_OF[mail.to]) expectWrittenIn(mail, LOCALE_OF[mail.to]!);
      expect(await linkedPage(mail.text)).toBe(`/communiques/${communiqueId}`);
    }
    expect(mails.find((m) => m.to === SECRETARIAT)!.subject).toMatch(/^Коммюнике согласовано: /);
    expect(mails.find((m) => m.to === NAKAHARA)!.subject).toBe(`【承認完了】第${meetingNumber}回日ロ沿岸市長会議 共同コミュニケ`);
  });

  it("leaves an audit trail: eight approvals, one communiqué approval, and an intact chain", async () => {
    const approvals = await eventsOf(communiqueId, "approval.approved");
    expect(approvals).toHaveLength(8);
    expect(new Set(approvals.map((e) => (e.data as { delegation: string }).delegation))).toEqual(new Set(delegations.map((d) => d.id)));
    const approved = await eventsOf(communiqueId, "communique.approved");
    expect(approved).toHaveLength(1);
    const round = (await roundsOf(communiqueId))[0]!;
    expect(approved[0]!.data).toEqual({ round: round.id, revisionHash: hash });
    expect(approved[0]!.actorUserId).toBe(as[HONDA]!.userId);
    expect(approved[0]!.seq > approvals.at(-1)!.seq).toBe(true);
    expect(await verifyChain(db)).toMatchObject({ ok: true });
  });

  it("refuses any further decision once approved with NOT_ALLOWED_NOW", async () => {
    for (const who of [KALITA, NAKAHARA]) {
      const error = await refusal(decideAs(as[who]!, communiqueId, hash));
      expect(error.code).toBe("NOT_ALLOWED_NOW");
      expect(error.params).toEqual({ state: "APPROVED" });
    }
    const status = await getRoundStatus(as[SECRETARIAT]!, communiqueId);
    expect(status.round).toMatchObject({ open: false, revision: { number: 1 } });
    expect(status.steps[0]!.heads.every((h) => h.state === "APPROVED")).toBe(true);
    expect(status.timeline.filter((e) => e.action === "communique.approved")).toHaveLength(1);
  });
});
