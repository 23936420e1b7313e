import { beforeAll, describe, expect, it } from "vitest";
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
  IVANENKO,
  IVANOVA,
  KALITA,
  KRAVCHUK,
  LOCALE_OF,
  mailMark,
  mailsOf,
  mailsSince,
  meetingDelegations,
  NAKAHARA,
  roundsOf,
  statusOf,
  submittedCommunique,
  TATAMI,
  personalLinkIn,
  useApprovalDatabase,
  type Actors,
  type MeetingDelegation,
} from "@/lib/testing/approval-fixtures";
import { refusal } from "@/lib/testing/drafting-fixtures";
import { SECRETARIAT } from "@/lib/testing/test-db";
import { getReview } from "./get-review";
import { getRoundStatus } from "./get-round-status";
import { remindPending } from "./remind-pending";

useApprovalDatabase();

let as: Actors;

beforeAll(async () => {
  as = await approvalActors();
});

/** The host city's delegation first, everyone else after it. */
const hostFirst = (delegations: MeetingDelegation[]) => ({ steps: Object.fromEntries(delegations.map((d) => [d.id, d.host ? 1 : 2])) });

describe("a route with the host delegation first and the others after it", () => {
  let communiqueId: string;
  let hash: string;
  let delegations: MeetingDelegation[];
  let host: MeetingDelegation;

  beforeAll(async () => {
    ({ communiqueId, hash, delegations } = await submittedCommunique(as[SECRETARIAT]!, hostFirst));
    host = delegations.find((d) => d.host)!;
  });

  it("opens a round of two steps and asks only the host's head for approval", async () => {
    expect(host.head).toBe(IVANENKO);
    const [round] = await roundsOf(communiqueId);
    expect(round!.steps.map((s) => s.members.map((m) => m.delegationId).sort())).toEqual([
      [host.id],
      delegations.filter((d) => !d.host).map((d) => d.id).sort(),
    ]);
    const mails = await mailsOf(communiqueId);
    expect(mails.map((m) => [m.to, m.kind])).toEqual([[IVANENKO, "approval-requested"]]);
    expectWrittenIn(mails[0]!, "ru");
  });

  it("refuses NOT_YOUR_TURN to a head of the second step, whatever the decision, and records nothing", async () => {
    for (const who of [KALITA, NAKAHARA, IVANOVA]) {
      expect((await refusal(decideAs(as[who]!, communiqueId, hash))).code, who).toBe("NOT_YOUR_TURN");
      expect((await refusal(decideAs(as[who]!, communiqueId, hash, "CHANGES_REQUESTED", "Прошу уточнить пункт 2."))).code, who).toBe("NOT_YOUR_TURN");
    }
    expect(await db.approval.count({ where: { round: { communiqueId } } })).toBe(0);
    expect(await statusOf(communiqueId)).toBe("IN_APPROVAL");
  });

  it("shows a second-step head that they wait for the earlier step, and the host's head that they can decide", async () => {
    const kalita = await getReview(as[KALITA]!, communiqueId);
    expect(kalita.canDecide).toBeNull();
    expect(kalita.waitingForEarlierStep).toBe(true);
    const ivanenko = await getReview(as[IVANENKO]!, communiqueId);
    expect(ivanenko.canDecide).toMatchObject({ delegationId: host.id, asDeputy: false });
    expect(ivanenko.waitingForEarlierStep).toBe(false);
  });

  it("reminds only the host's head while the first step is open", async () => {
    const mark = await mailMark(communiqueId);
    expect(await remindPending(as[SECRETARIAT]!, communiqueId)).toEqual({ reminded: 1 });
    expect((await mailsSince(communiqueId, mark)).map((m) => [m.to, m.kind])).toEqual([[IVANENKO, "approval-reminder"]]);
  });

  it("asks the second step's heads (and the deputy) once the host's head approved", async () => {
    const mark = await mailMark(communiqueId);
    expect(await decideAs(as[IVANENKO]!, communiqueId, hash)).toMatchObject({ state: "IN_APPROVAL" });
    const mails = await mailsSince(communiqueId, mark);
    expect(mails.every((m) => m.kind === "approval-requested")).toBe(true);
    expect(mails.map((m) => m.to).sort()).toEqual(APPROVERS.filter((e) => e !== IVANENKO).sort());
    for (const mail of mails) {
      expectWrittenIn(mail, LOCALE_OF[mail.to]!);
      expect((await personalLinkIn(mail.text))?.path).toBe(`/communiques/${communiqueId}/review`);
    }
    expect((await refusal(decideAs(as[IVANENKO]!, communiqueId, hash))).code).toBe("ALREADY_DECIDED");
    expect((await getReview(as[KALITA]!, communiqueId)).canDecide).toMatchObject({ delegationId: delegationOf(delegations, KALITA).id });
  });

  // The mail template has a line for the step of a multi-step route ("Этап согласования: 2 из 2.",
  // 「全2段階中、第2段階」), but the round never fills it in: heads cannot tell from the mail
  // that they are asked in the second step.
  it("says in the request which step of the route is open", async () => {
    const mails = await mailsOf(communiqueId, "approval-requested");
    expect(mails.find((m) => m.to === IVANENKO)!.text).toContain("Этап согласования: 1 из 2.");
    expect(mails.find((m) => m.to === KALITA)!.text).toContain("Этап согласования: 2 из 2.");
    expect(mails.find((m) => m.to === NAKAHARA)!.text).toContain("全2段階中、第2段階");
  });

  it("approves the communiqué when every head of the second step has approved", async () => {
    const second = delegations.filter((d) => !d.host);
    for (const [i, d] of second.entries()) {
      const who = d.head === KRAVCHUK ? IVANOVA : d.head;
      const result = await decideAs(as[who]!, communiqueId, hash);
      expect(result.state, who).toBe(i === second.length - 1 ? "APPROVED" : "IN_APPROVAL");
    }
    expect(await statusOf(communiqueId)).toBe("APPROVED");
    const [round] = await roundsOf(communiqueId);
    expect(round!.closedAt).toBeInstanceOf(Date);
    expect(round!.decisions).toHaveLength(8);
    expect(await eventsOf(communiqueId, "communique.approved")).toHaveLength(1);
    expect((await mailsOf(communiqueId, "communique-approved")).map((m) => m.to)).toContain(SECRETARIAT);
    const status = await getRoundStatus(as[SECRETARIAT]!, communiqueId);
    expect(status.steps.map((s) => s.heads.length)).toEqual([1, 7]);
    expect(status.steps.flatMap((s) => s.heads).every((h) => h.state === "APPROVED")).toBe(true);
  });
});

describe("a route that names only some delegations, with gaps in the step numbers", () => {
  let communiqueId: string;
  let hash: string;
  let delegations: MeetingDelegation[];

  beforeAll(async () => {
    ({ communiqueId, hash, delegations } = await submittedCommunique(as[SECRETARIAT]!, (ds) => ({
      steps: { [delegationOf(ds, TATAMI).id]: 3, [delegationOf(ds, KALITA).id]: 1 },
    })));
  });

  it("makes consecutive steps of the numbers given and leaves the other delegations out", async () => {
    const [round] = await roundsOf(communiqueId);
    expect(round!.steps.map((s) => s.members.map((m) => m.delegationId))).toEqual([[delegationOf(delegations, KALITA).id], [delegationOf(delegations, TATAMI).id]]);
    expect((await mailsOf(communiqueId)).map((m) => m.to)).toEqual([KALITA]);
  });

  it("refuses FORBIDDEN to the head of a delegation left out of the route", async () => {
    for (const who of [NAKAHARA, KRAVCHUK, IVANOVA]) expect((await refusal(decideAs(as[who]!, communiqueId, hash))).code, who).toBe("FORBIDDEN");
    expect((await refusal(decideAs(as[TATAMI]!, communiqueId, hash))).code).toBe("NOT_YOUR_TURN");
  });

  it("approves once both steps are done", async () => {
    expect(await decideAs(as[KALITA]!, communiqueId, hash)).toMatchObject({ state: "IN_APPROVAL" });
    expect((await mailsOf(communiqueId, "approval-requested")).map((m) => m.to)).toEqual([KALITA, TATAMI]);
    expect(await decideAs(as[TATAMI]!, communiqueId, hash)).toMatchObject({ state: "APPROVED" });
    expect(await statusOf(communiqueId)).toBe("APPROVED");
  });
});

describe("route validation", () => {
  let communiqueId: string;
  let meetingId: string;

  beforeAll(async () => {
    ({ communiqueId, meetingId } = await draftCommunique(as[SECRETARIAT]!));
  });

  async function expectNothingSubmitted() {
    expect(await statusOf(communiqueId)).toBe("DRAFT");
    expect(await db.revision.count({ where: { communiqueId } })).toBe(0);
    expect(await db.approvalRound.count({ where: { communiqueId } })).toBe(0);
    expect(await mailsOf(communiqueId)).toEqual([]);
  }

  it("refuses VALIDATION for a delegation id that is not one of the meeting's, submitting nothing", async () => {
    const delegations = await meetingDelegations(meetingId);
    const elsewhere = await db.delegation.findFirstOrThrow({ where: { meeting: { number: 27 } } });
    for (const unknown of ["no-such-delegation", elsewhere.id]) {
      const steps = { ...Object.fromEntries(delegations.map((d) => [d.id, 1])), [unknown]: 2 };
      const error = await refusal(submitCommunique(as[SECRETARIAT]!, communiqueId, { steps }));
      expect(error.code, unknown).toBe("VALIDATION");
      expect(error.fieldErrors, unknown).toEqual({ route: "invalid" });
    }
    await expectNothingSubmitted();
  });

  // The route comes from the browser as it is (submitAction passes it on untouched), but a step
  // number outside 1…20 or not a number fails inside the use case with a ZodError, which the
  // action reports as INTERNAL instead of a validation error.
  it("refuses VALIDATION for a step number that is not 1…20", async () => {
    const [first] = await meetingDelegations(meetingId);
    for (const step of [0, 21, "first"]) {
      const error = await submitCommunique(as[SECRETARIAT]!, communiqueId, { steps: { [first!.id]: step as number } }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, String(step)).toMatchObject({ name: "AppError", code: "VALIDATION" });
    }
    await expectNothingSubmitted();
  });

  it("treats an empty route as everyone in parallel", async () => {
    await submitCommunique(as[SECRETARIAT]!, communiqueId, { steps: {} });
    const [round] = await roundsOf(communiqueId);
    expect(round!.steps).toHaveLength(1);
    expect(round!.steps[0]!.members).toHaveLength(8);
  });
});
