import { beforeAll, describe, expect, it } from "vitest";
import { verifyChain } from "@/lib/audit/verify-chain";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import {
  APPROVERS,
  approvalActors,
  decideAs,
  delegationOf,
  editClause,
  eventsOf,
  GLADKIKH,
  HONDA,
  IVANENKO,
  IVANOVA,
  KALITA,
  KRAVCHUK,
  mailsOf,
  roundsOf,
  statusOf,
  submittedCommunique,
  useApprovalDatabase,
  type Actors,
} from "@/lib/testing/approval-fixtures";
import { SECRETARIAT } from "@/lib/testing/test-db";
import { saveRevision } from "@/lib/revisions/save-revision";
import { remindPending } from "./remind-pending";

useApprovalDatabase();

let as: Actors;

beforeAll(async () => {
  as = await approvalActors();
});

/** How the refused calls were refused: domain error codes, or the first line of anything else. */
function refusals(results: PromiseSettledResult<unknown>[]) {
  const counts: Record<string, number> = {};
  for (const r of results) {
    if (r.status === "fulfilled") continue;
    const e = r.reason as unknown;
    const key = e instanceof AppError ? e.code : `${(e as Error)?.name}: ${String((e as Error)?.message ?? e).split("\n").find(Boolean)}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** Only the domain refusals expected when decisions race: anything else (a timeout, a crash) is a failure. */
function expectOnlyRefusedWith(counts: Record<string, number>, codes: string[]) {
  expect(Object.fromEntries(Object.entries(counts).filter(([k]) => !codes.includes(k)))).toEqual({});
}

/**
 * `calls` decisions at once by the eight heads and the deputy in turn, all approving the same
 * revision: exactly one decision per delegation is taken, the communiqué is approved once,
 * and every other call is refused with a domain error.
 */
async function approveAllAtOnce(calls: number) {
  const { communiqueId, hash, delegations } = await submittedCommunique(as[SECRETARIAT]!);
  const started = performance.now();
  const results = await Promise.allSettled(Array.from({ length: calls }, (_, i) => decideAs(as[APPROVERS[i % APPROVERS.length]!]!, communiqueId, hash)));
  const ms = performance.now() - started;
  const counts = refusals(results);
  if (calls >= 100) console.log(`${calls} concurrent decisions settled in ${Math.round(ms)} ms; refused: ${JSON.stringify(counts)}`);

  // What was stored: one decision per delegation, one approval of the communiqué, an intact chain.
  const [round, ...others] = await roundsOf(communiqueId);
  expect(others).toEqual([]);
  expect(round!.decisions.map((d) => d.delegationId).sort()).toEqual(delegations.map((d) => d.id).sort());
  expect(await db.approval.count({ where: { round: { communiqueId } } })).toBe(8);
  expect(round!.closedAt).toBeInstanceOf(Date);
  expect(await statusOf(communiqueId)).toBe("APPROVED");
  expect(await eventsOf(communiqueId, "approval.approved")).toHaveLength(8);
  expect(await eventsOf(communiqueId, "communique.approved")).toHaveLength(1);
  const approvedMails = await mailsOf(communiqueId, "communique-approved");
  expect(approvedMails.length).toBeGreaterThan(0);
  expect(new Set(approvedMails.map((m) => m.to)).size).toBe(approvedMails.length);
  expect(await verifyChain(db)).toMatchObject({ ok: true });

  // What the callers were told: the eight stored decisions, one of them the approving one …
  const taken = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  expect(new Set(taken.map((t) => t.id))).toEqual(new Set(round!.decisions.map((d) => d.id)));
  expect(taken.filter((t) => t.state === "APPROVED")).toHaveLength(1);
  // … and every other call a domain refusal.
  expectOnlyRefusedWith(counts, ["ALREADY_DECIDED", "NOT_ALLOWED_NOW"]);
  return { counts };
}

describe("concurrent decisions on one revision", () => {
  it("20 at once: one decision per delegation, approved once, the rest refused", async () => {
    const { counts } = await approveAllAtOnce(20);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(12);
  });

  it.skipIf(!process.env.DATABASE_URL)("200 at once on PostgreSQL: one decision per delegation, approved once, the rest refused", async () => {
    await approveAllAtOnce(200);
  }, 120_000);
});

/** The four Russian delegations, Khabarovsk's through both its head and its deputy: never all eight. */
const RU_SIDE = [KRAVCHUK, IVANOVA, KALITA, GLADKIKH, IVANENKO];

/** `calls` approvals at once from the Russian side only: the round stays open, every repeat is ALREADY_DECIDED. */
async function repeatAtOnce(calls: number) {
  const { communiqueId, hash, delegations } = await submittedCommunique(as[SECRETARIAT]!);
  const results = await Promise.allSettled(Array.from({ length: calls }, (_, i) => decideAs(as[RU_SIDE[i % RU_SIDE.length]!]!, communiqueId, hash)));
  const counts = refusals(results);
  if (calls >= 100) console.log(`${calls} concurrent repeats refused: ${JSON.stringify(counts)}`);

  const [round] = await roundsOf(communiqueId);
  expect(round!.closedAt).toBeNull();
  const ru = [KRAVCHUK, KALITA, GLADKIKH, IVANENKO].map((e) => delegationOf(delegations, e).id);
  expect(round!.decisions.map((d) => d.delegationId).sort()).toEqual(ru.sort());
  expect(await statusOf(communiqueId)).toBe("IN_APPROVAL");
  expect(await eventsOf(communiqueId, "approval.approved")).toHaveLength(4);
  expect(await verifyChain(db)).toMatchObject({ ok: true });

  const taken = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  expect(taken.map((t) => t.state)).toEqual(Array(4).fill("IN_APPROVAL"));
  expect(counts).toEqual({ ALREADY_DECIDED: calls - 4 });
}

describe("concurrent repeats of the same decisions", () => {
  it("20 at once from five approvers of four delegations: four decisions, the rest ALREADY_DECIDED", async () => {
    await repeatAtOnce(20);
  });

  it.skipIf(!process.env.DATABASE_URL)("200 at once on PostgreSQL: four decisions, the rest ALREADY_DECIDED", async () => {
    await repeatAtOnce(200);
  }, 120_000);
});

describe("decisions racing a new revision", () => {
  it("every decision either counts for the old round (which then closes) or is refused as superseded", async () => {
    const { communiqueId, hash, clauseIds } = await submittedCommunique(as[SECRETARIAT]!);
    await editClause(as[SECRETARIAT]!, clauseIds[0], "ru", "Стороны отметили ход реализации плана из восьми пунктов.");
    // Seven of the eight delegations decide (twice each) while the revision is saved: the round
    // cannot complete, so the save is always allowed, whichever order the transactions take.
    const decisions = APPROVERS.filter((e) => e !== HONDA)
      .flatMap((e) => [e, e])
      .map((e) => decideAs(as[e]!, communiqueId, hash));
    const [saved, ...results] = await Promise.allSettled([saveRevision(as[SECRETARIAT]!, communiqueId), ...decisions]);
    expect(saved.status).toBe("fulfilled");
    const codes = results.flatMap((r) => (r.status === "rejected" ? [r.reason instanceof AppError ? r.reason.code : String(r.reason)] : []));
    expect(codes.filter((c) => !["ALREADY_DECIDED", "REVISION_SUPERSEDED"].includes(c))).toEqual([]);

    const [first, second, ...more] = await roundsOf(communiqueId);
    expect(more).toEqual([]);
    expect(first!.closedAt).toBeInstanceOf(Date);
    expect(second!.closedAt).toBeNull();
    // Nothing decided on revision 1 landed in the new round.
    expect(second!.decisions).toEqual([]);
    expect(first!.decisions.every((d) => d.revisionHash === hash)).toBe(true);
    expect(new Set(first!.decisions.map((d) => d.delegationId)).size).toBe(first!.decisions.length);
    const taken = results.filter((r) => r.status === "fulfilled").length;
    expect(first!.decisions).toHaveLength(taken);
    expect(await statusOf(communiqueId)).toBe("IN_APPROVAL");
    expect(second!.revision.number).toBe(2);
  });
});

describe("concurrent reminders", () => {
  it("sends one reminder; the others are rate-limited", async () => {
    const { communiqueId } = await submittedCommunique(as[SECRETARIAT]!);
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => remindPending(as[SECRETARIAT]!, communiqueId)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(refused.map((e) => (e instanceof AppError ? e.code : String(e)))).toEqual(Array(9).fill("RATE_LIMITED"));
    expect(await mailsOf(communiqueId, "approval-reminder")).toHaveLength(APPROVERS.length);
    expect(await eventsOf(communiqueId, "round.reminded")).toHaveLength(1);
  });
});
