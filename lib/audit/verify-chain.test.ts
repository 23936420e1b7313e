import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db, type Db, type Tx } from "@/lib/db";
import type { AuditEvent } from "@/lib/db/generated/client";
import { actorFor, ADMIN, useTestDatabase } from "@/lib/testing/test-db";
import { createUser } from "@/lib/users/create-user";
import { updateUser } from "@/lib/users/update-user";
import { eventHash, GENESIS_HASH } from "./event-hash";
import { verifyChain, type ChainReport } from "./verify-chain";

useTestDatabase();

let admin: Actor;
let before: ChainReport;
/** The events this file's own use-case calls wrote, in chain order. */
let ours: AuditEvent[];

beforeAll(async () => {
  admin = await actorFor(ADMIN);
  before = await verifyChain(db);
  const ids: string[] = [];
  for (const label of ["one", "two", "three"]) {
    const { id } = await createUser(admin, {
      email: `audit-${label}-${randomUUID()}@test.example`,
      password: "Audit-chain-2024",
      displayName: `Audit ${label}`,
      role: "SECRETARIAT",
      locale: "ru",
    });
    ids.push(id);
  }
  await updateUser(admin, ids[0]!, { displayName: "Audit one, renamed", role: "SECRETARIAT", locale: "ja", active: true, password: "" });
  ours = await db.auditEvent.findMany({ where: { subjectType: "User", subjectId: { in: ids } }, orderBy: { seq: "asc" } });
});

const last = () => db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
const countBefore = (seq: bigint) => db.auditEvent.count({ where: { seq: { lt: seq } } });
const nextAfter = (seq: bigint) => db.auditEvent.findFirstOrThrow({ where: { seq: { gt: seq } }, orderBy: { seq: "asc" } });

class RollBack extends Error {}

/**
 * Tampers with the chain inside a transaction, with the immutability trigger switched off,
 * reads the report, then rolls everything back (trigger included): other test files, which
 * may share the database, never see the tampered rows.
 */
async function reportAfterTampering(tamper: (tx: Tx) => Promise<void>): Promise<ChainReport> {
  let report: ChainReport | undefined;
  await db
    .$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_immutable"`);
        await tamper(tx);
        await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_immutable"`);
        report = await verifyChain(tx as unknown as Db);
        throw new RollBack();
      },
      { timeout: 60_000, maxWait: 30_000 },
    )
    .catch((error: unknown) => {
      if (!(error instanceof RollBack)) throw error;
    });
  if (!report) throw new Error("the tampering transaction produced no report");
  return report;
}

async function expectIntact() {
  const head = await last();
  expect(await verifyChain(db)).toEqual({ ok: true, events: await db.auditEvent.count(), head: head.hash });
  const trigger = await db.$queryRawUnsafe<{ tgenabled: string }[]>(
    `SELECT tgenabled::text AS tgenabled FROM pg_trigger WHERE tgname = 'AuditEvent_immutable'`,
  );
  expect(trigger).toEqual([{ tgenabled: "O" }]);
}

describe("verifyChain on an untouched chain", () => {
  it("reports ok, with the number of events and the head hash, after use cases wrote events", async () => {
    expect(before.ok).toBe(true);
    expect(ours.map((e) => e.action)).toEqual(["user.created", "user.created", "user.created", "user.updated"]);

    const report = await verifyChain(db);
    const head = await last();
    expect(report).toEqual({ ok: true, events: await db.auditEvent.count(), head: head.hash });
    expect(report.events).toBeGreaterThanOrEqual(before.events + ours.length);
    expect(report.ok && report.head).not.toBe(before.ok && before.head);
  });

  it("links every event to the one before it, from the genesis hash", async () => {
    const first = await db.auditEvent.findFirstOrThrow({ orderBy: { seq: "asc" } });
    expect(first.prevHash).toBe(GENESIS_HASH);
    for (const [i, event] of ours.entries()) {
      if (i > 0) expect(event.prevHash).toBe(ours[i - 1]!.hash);
      expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("gives the same report when it reads the chain in small batches", async () => {
    expect(await verifyChain(db, 2)).toEqual(await verifyChain(db));
    expect(await verifyChain(db, 1)).toEqual(await verifyChain(db));
  });
});

describe("the AuditEvent table refuses changes", () => {
  it("refuses a plain UPDATE with IMMUTABLE_ROW and keeps the row", async () => {
    const target = ours[1]!;
    await expect(
      db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "action" = 'user.deleted' WHERE "seq" = $1`, target.seq),
    ).rejects.toThrow(/IMMUTABLE_ROW/);
    expect(await db.auditEvent.findUniqueOrThrow({ where: { seq: target.seq } })).toEqual(target);
  });

  it("refuses a plain DELETE with IMMUTABLE_ROW and keeps the row", async () => {
    const target = ours[1]!;
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "seq" = $1`, target.seq)).rejects.toThrow(/IMMUTABLE_ROW/);
    await expect(db.auditEvent.delete({ where: { seq: target.seq } })).rejects.toThrow(/IMMUTABLE_ROW/);
    expect(await db.auditEvent.findUniqueOrThrow({ where: { seq: target.seq } })).toEqual(target);
  });
});

describe("verifyChain on a tampered chain (trigger disabled, then everything rolled back)", () => {
  it("reports EDITED at an event whose data was changed", async () => {
    const target = ours[1]!;
    const report = await reportAfterTampering(async (tx) => {
      await tx.$executeRawUnsafe(`UPDATE "AuditEvent" SET "data" = jsonb_set("data", '{role}', '"ADMIN"') WHERE "seq" = $1`, target.seq);
    });
    expect(report).toEqual({ ok: false, events: await countBefore(target.seq), seq: String(target.seq), problem: "EDITED" });
    await expectIntact();
  });

  it("reports EDITED at an event whose time or actor was changed", async () => {
    const target = ours[2]!;
    const report = await reportAfterTampering(async (tx) => {
      await tx.$executeRawUnsafe(`UPDATE "AuditEvent" SET "at" = "at" - interval '1 day', "actorUserId" = NULL WHERE "seq" = $1`, target.seq);
    });
    expect(report).toMatchObject({ ok: false, seq: String(target.seq), problem: "EDITED" });
    await expectIntact();
  });

  it("reports BROKEN_LINK at the next event when an edited event's own hash was recomputed", async () => {
    const target = ours[1]!;
    const next = await nextAfter(target.seq);
    const data = { ...(target.data as Record<string, unknown>), role: "ADMIN" };
    const hash = eventHash({
      at: target.at.toISOString(),
      actorUserId: target.actorUserId,
      action: target.action,
      subjectType: target.subjectType,
      subjectId: target.subjectId,
      data,
      prevHash: target.prevHash,
    });
    const report = await reportAfterTampering(async (tx) => {
      await tx.$executeRawUnsafe(
        `UPDATE "AuditEvent" SET "data" = $1::jsonb, "hash" = $2 WHERE "seq" = $3`,
        JSON.stringify(data),
        hash,
        target.seq,
      );
    });
    expect(report).toEqual({ ok: false, events: await countBefore(next.seq), seq: String(next.seq), problem: "BROKEN_LINK" });
    await expectIntact();
  });

  it("reports BROKEN_LINK at the following event when a middle event was deleted", async () => {
    const target = ours[1]!;
    const next = await nextAfter(target.seq);
    const report = await reportAfterTampering(async (tx) => {
      await tx.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "seq" = $1`, target.seq);
    });
    // Everything before the deleted event still verifies; the deleted one is not counted.
    expect(report).toEqual({ ok: false, events: await countBefore(target.seq), seq: String(next.seq), problem: "BROKEN_LINK" });
    await expectIntact();
  });

  it("reports BROKEN_LINK at a forged event appended with a wrong previous hash", async () => {
    let forgedSeq = "";
    const report = await reportAfterTampering(async (tx) => {
      const content = {
        at: new Date().toISOString(),
        actorUserId: admin.userId,
        action: "user.created",
        subjectType: "User",
        subjectId: "forged",
        data: { email: "forged@test.example", role: "ADMIN" },
        prevHash: ours[0]!.hash, // a real hash, but not the head's
      };
      const forged = await tx.auditEvent.create({ data: { ...content, at: new Date(content.at), hash: eventHash(content) } });
      forgedSeq = String(forged.seq);
    });
    const count = await db.auditEvent.count();
    expect(report).toEqual({ ok: false, events: count, seq: forgedSeq, problem: "BROKEN_LINK" });
    await expectIntact();
  });

  it("reports EDITED at a forged event appended with the right previous hash but a made-up hash", async () => {
    let forgedSeq = "";
    const head = await last();
    const report = await reportAfterTampering(async (tx) => {
      const forged = await tx.auditEvent.create({
        data: {
          at: new Date(),
          actorUserId: admin.userId,
          action: "user.created",
          subjectType: "User",
          subjectId: "forged",
          data: {},
          prevHash: head.hash,
          hash: "f".repeat(64),
        },
      });
      forgedSeq = String(forged.seq);
    });
    expect(report).toEqual({ ok: false, events: await db.auditEvent.count(), seq: forgedSeq, problem: "EDITED" });
    await expectIntact();
  });
});

describe("after the tampering tests", () => {
  it("leaves every event of this file as it was and the chain intact", async () => {
    const now = await db.auditEvent.findMany({ where: { seq: { in: ours.map((e) => e.seq) } }, orderBy: { seq: "asc" } });
    expect(now).toEqual(ours);
    await expectIntact();
  });
});
