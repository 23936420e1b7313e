import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  approvalActors,
  decideAs,
  eventsOf,
  expectWrittenIn,
  GLADKIKH,
  HEADS,
  HONDA,
  IVANENKO,
  IVANOVA,
  KALITA,
  LOCALE_OF,
  mailMark,
  mailsSince,
  MATSUDA,
  NAKAHARA,
  roundsOf,
  submittedCommunique,
  TATAMI,
  personalLinkIn,
  useApprovalDatabase,
  type Actors,
} from "@/lib/testing/approval-fixtures";
import { refusal } from "@/lib/testing/drafting-fixtures";
import { ADMIN, SECRETARIAT } from "@/lib/testing/test-db";
import { getRoundStatus } from "./get-round-status";
import { autoRemind, REMINDER_INTERVAL_HOURS, remindPending } from "./remind-pending";

useApprovalDatabase();

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let as: Actors;

beforeAll(async () => {
  as = await approvalActors();
});

const roundOf = async (communiqueId: string) => (await roundsOf(communiqueId)).at(-1)!;

describe("remindPending", () => {
  let communiqueId: string;
  let hash: string;
  let remindedAt: Date;
  const PENDING = [GLADKIKH, IVANENKO, NAKAHARA, TATAMI, MATSUDA, HONDA];

  beforeAll(async () => {
    ({ communiqueId, hash } = await submittedCommunique(as[SECRETARIAT]!));
    // Blagoveshchensk, and Khabarovsk through its deputy, have decided.
    await decideAs(as[KALITA]!, communiqueId, hash);
    await decideAs(as[IVANOVA]!, communiqueId, hash);
  });

  it("is the secretariat's: a delegate and the admin are refused FORBIDDEN", async () => {
    const mark = await mailMark(communiqueId);
    for (const who of [KALITA, NAKAHARA, IVANOVA, ADMIN]) expect((await refusal(remindPending(as[who]!, communiqueId))).code, who).toBe("FORBIDDEN");
    expect((await refusal(remindPending(null, communiqueId))).code).toBe("UNAUTHENTICATED");
    expect(await mailsSince(communiqueId, mark)).toEqual([]);
    expect((await roundOf(communiqueId)).remindedAt).toBeNull();
  });

  it("mails a reminder only to the heads who have not decided, each in their language", async () => {
    const mark = await mailMark(communiqueId);
    const round = await roundOf(communiqueId);
    expect(await remindPending(as[SECRETARIAT]!, communiqueId)).toEqual({ reminded: 6 });

    const mails = await mailsSince(communiqueId, mark);
    expect(mails.every((m) => m.kind === "approval-reminder")).toBe(true);
    // Khabarovsk decided through its deputy: neither Kravchuk nor Ivanova is reminded.
    expect(mails.map((m) => m.to).sort()).toEqual([...PENDING].sort());
    for (const mail of mails) {
      expectWrittenIn(mail, LOCALE_OF[mail.to]!);
      expect((await personalLinkIn(mail.text))?.path).toBe(`/communiques/${communiqueId}/review`);
    }
    const opened = round.openedAt.toISOString().slice(0, 10);
    const [y, m, d] = opened.split("-").map(Number);
    expect(mails.find((x) => x.to === NAKAHARA)!.text).toContain(`${y}年${m}月${d}日より承認をお願いしております`);

    remindedAt = (await roundOf(communiqueId)).remindedAt!;
    expect(remindedAt).toBeInstanceOf(Date);
    const events = await eventsOf(communiqueId, "round.reminded");
    expect(events).toHaveLength(1);
    expect(events[0]!.actorUserId).toBe(as[SECRETARIAT]!.userId);
    expect((events[0]!.data as { delegations: string[] }).delegations).toHaveLength(6);
    expect((await getRoundStatus(as[SECRETARIAT]!, communiqueId)).round!.remindedAt).toEqual(remindedAt);
  });

  it("refuses a second reminder right away with RATE_LIMITED, saying in how many minutes", async () => {
    const mark = await mailMark(communiqueId);
    const error = await refusal(remindPending(as[SECRETARIAT]!, communiqueId));
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.params.minutes).toBeGreaterThan(REMINDER_INTERVAL_HOURS * 60 - 5);
    expect(error.params.minutes).toBeLessThanOrEqual(REMINDER_INTERVAL_HOURS * 60);

    const later = await refusal(remindPending(as[SECRETARIAT]!, communiqueId, new Date(remindedAt.getTime() + (REMINDER_INTERVAL_HOURS - 1) * HOUR)));
    expect(later.code).toBe("RATE_LIMITED");
    expect(later.params).toEqual({ minutes: 60 });

    expect(await mailsSince(communiqueId, mark)).toEqual([]);
    expect((await roundOf(communiqueId)).remindedAt).toEqual(remindedAt);
    expect(await eventsOf(communiqueId, "round.reminded")).toHaveLength(1);
  });

  it("allows the next reminder once REMINDER_INTERVAL_HOURS have passed, to whoever is still pending", async () => {
    await decideAs(as[NAKAHARA]!, communiqueId, hash);
    const mark = await mailMark(communiqueId);
    const now = new Date(remindedAt.getTime() + REMINDER_INTERVAL_HOURS * HOUR + 60_000);
    expect(await remindPending(as[SECRETARIAT]!, communiqueId, now)).toEqual({ reminded: 5 });
    expect((await mailsSince(communiqueId, mark)).map((m) => m.to).sort()).toEqual(PENDING.filter((e) => e !== NAKAHARA).sort());
    expect((await roundOf(communiqueId)).remindedAt).toEqual(now);
    expect(await eventsOf(communiqueId, "round.reminded")).toHaveLength(2);
  });

  it("refuses NOT_ALLOWED_NOW once the communiqué is no longer in approval", async () => {
    for (const who of PENDING.filter((e) => e !== NAKAHARA)) await decideAs(as[who]!, communiqueId, hash);
    expect((await db.communique.findUniqueOrThrow({ where: { id: communiqueId } })).status).toBe("APPROVED");
    const error = await refusal(remindPending(as[SECRETARIAT]!, communiqueId, new Date(Date.now() + 10 * DAY)));
    expect(error.code).toBe("NOT_ALLOWED_NOW");
  });
});

describe("autoRemind", () => {
  const saved = process.env.AUTO_REMIND_AFTER_DAYS;
  let communiqueId: string;
  let openedAt: Date;

  beforeAll(async () => {
    ({ communiqueId } = await submittedCommunique(as[SECRETARIAT]!));
    openedAt = (await roundOf(communiqueId)).openedAt;
  });

  afterEach(() => {
    if (saved === undefined) delete process.env.AUTO_REMIND_AFTER_DAYS;
    else process.env.AUTO_REMIND_AFTER_DAYS = saved;
  });

  it("does nothing when AUTO_REMIND_AFTER_DAYS is not set", async () => {
    delete process.env.AUTO_REMIND_AFTER_DAYS;
    const mark = await mailMark(communiqueId);
    expect(await autoRemind(new Date(openedAt.getTime() + 30 * DAY))).toBe(0);
    expect(await mailsSince(communiqueId, mark)).toEqual([]);
    expect((await roundOf(communiqueId)).remindedAt).toBeNull();
  });

  it("leaves a round alone that has not been open that long", async () => {
    process.env.AUTO_REMIND_AFTER_DAYS = "3";
    const mark = await mailMark(communiqueId);
    await autoRemind(new Date(openedAt.getTime() + 2 * DAY));
    expect(await mailsSince(communiqueId, mark)).toEqual([]);
    expect((await roundOf(communiqueId)).remindedAt).toBeNull();
  });

  it("reminds every pending head of a round open longer than AUTO_REMIND_AFTER_DAYS, as no one", async () => {
    process.env.AUTO_REMIND_AFTER_DAYS = "3";
    const mark = await mailMark(communiqueId);
    const now = new Date(openedAt.getTime() + 4 * DAY);
    // Other open rounds of the database may be reminded too: the count is at least this round's.
    expect(await autoRemind(now)).toBeGreaterThanOrEqual(8);

    const mails = await mailsSince(communiqueId, mark);
    expect(mails.every((m) => m.kind === "approval-reminder")).toBe(true);
    expect(mails.map((m) => m.to).sort()).toEqual([...HEADS, IVANOVA].sort());
    for (const mail of mails) expectWrittenIn(mail, LOCALE_OF[mail.to]!);
    expect((await roundOf(communiqueId)).remindedAt).toEqual(now);
    const events = await eventsOf(communiqueId, "round.reminded");
    expect(events).toHaveLength(1);
    expect(events[0]!.actorUserId).toBeNull();
  });

  it("does not remind the same round again before another AUTO_REMIND_AFTER_DAYS", async () => {
    process.env.AUTO_REMIND_AFTER_DAYS = "3";
    const mark = await mailMark(communiqueId);
    await autoRemind(new Date(openedAt.getTime() + 5 * DAY));
    expect(await mailsSince(communiqueId, mark)).toEqual([]);
    await autoRemind(new Date(openedAt.getTime() + 7.5 * DAY));
    expect((await mailsSince(communiqueId, mark)).map((m) => m.to).sort()).toEqual([...HEADS, IVANOVA].sort());
  });
});
