import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/lib/db";
import { prepareDatabase } from "@/lib/db/prepare";
import { recordEvent } from "./record-event";

// `npm run audit:verify` as an operator runs it: a separate process on the same database.
// On PostgreSQL (DATABASE_URL) that is the test database; otherwise an embedded database in a
// temporary folder, which only one process may hold open: this one closes it before each run.
const onPostgres = Boolean(process.env.DATABASE_URL);
const root = fileURLToPath(new URL("../..", import.meta.url));
const savedDataDir = process.env.DATA_DIR;
let dataDir = "";
const subjectId = `audit-verify-${randomUUID()}`;
let seqs: bigint[] = [];

function runScript(extraEnv: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = { ...process.env };
  if (!onPostgres) {
    env.DATA_DIR = dataDir;
    delete env.DATABASE_URL;
  }
  Object.assign(env, extraEnv);
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", "scripts/audit-verify.ts"], { cwd: root, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Lets the script have the embedded database: one process at a time. */
async function release() {
  if (!onPostgres) await closeDb();
}

/** Runs SQL behind the immutability trigger's back, then switches the trigger on again. */
async function bypassTrigger(sql: string, ...params: unknown[]) {
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_immutable"`);
    await tx.$executeRawUnsafe(sql, ...params);
    await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_immutable"`);
  });
}

const setData = (seq: bigint, json: string) => bypassTrigger(`UPDATE "AuditEvent" SET "data" = $1::jsonb WHERE "seq" = $2`, json, seq);

async function expectIntactAgain() {
  const run = await runScript();
  expect(run.stdout, run.stderr).toContain("audit chain intact");
  expect(run.code).toBe(0);
}

beforeAll(async () => {
  if (!onPostgres) {
    dataDir = await mkdtemp(path.join(tmpdir(), "audit-verify-"));
    process.env.DATA_DIR = dataDir;
  }
  await prepareDatabase({ seed: false });
  // Events of a communiqué that does not exist: the script checks the chain, not what the events say.
  for (const step of [1, 2, 3]) {
    await db.$transaction((tx) =>
      recordEvent(tx, { actorUserId: null, action: "clause.moved", subjectType: "Communique", subjectId, data: { clause: subjectId, from: 0, to: step } }),
    );
  }
  seqs = (await db.auditEvent.findMany({ where: { subjectId }, orderBy: { seq: "asc" }, select: { seq: true } })).map((e) => e.seq);
  await release();
});

afterAll(async () => {
  await closeDb();
  if (savedDataDir === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = savedDataDir;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

// Each check starts a process that opens the database: slower than the usual test.
describe("npm run audit:verify", { timeout: 120_000 }, () => {
  it("reports an intact chain with its length and head, and exits 0", async () => {
    const head = await db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    const count = await db.auditEvent.count();
    await release();

    const run = await runScript();
    expect(run.stdout.trim(), run.stderr).toBe(`audit chain intact: ${count} events, head ${head.hash}`);
    expect(run.code).toBe(0);
  });

  it("names the edited event and exits 1 when a row was changed behind the trigger's back", async () => {
    const target = seqs[1]!;
    const original = await db.auditEvent.findUniqueOrThrow({ where: { seq: target } });
    await setData(target, JSON.stringify({ clause: subjectId, from: 0, to: 99 }));
    await release();
    try {
      const run = await runScript();
      expect(run.stdout, run.stderr).toContain(`audit chain broken at event ${target}: EDITED`);
      expect(run.code).toBe(1);
    } finally {
      // On PostgreSQL other test files share this database and expect an intact chain.
      await setData(target, JSON.stringify(original.data));
      await release();
    }
    await expectIntactAgain();
  });

  it("reports BROKEN_LINK at the event after one that was deleted", async () => {
    const [, target, next] = seqs as [bigint, bigint, bigint];
    const original = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "AuditEvent" WHERE "seq" = $1`, target);
    await bypassTrigger(`DELETE FROM "AuditEvent" WHERE "seq" = $1`, target);
    await release();
    try {
      const run = await runScript();
      expect(run.stdout, run.stderr).toContain(`audit chain broken at event ${next}: BROKEN_LINK`);
      expect(run.code).toBe(1);
    } finally {
      // Put the very row back, with its own sequence number.
      await bypassTrigger(
        `INSERT INTO "AuditEvent" SELECT * FROM jsonb_populate_record(NULL::"AuditEvent", $1::jsonb)`,
        JSON.stringify(original[0], (_key, value: unknown) => (typeof value === "bigint" ? String(value) : value)),
      );
      await release();
    }
    await expectIntactAgain();
  });

  it("exits 2 with a message when it cannot check at all", async () => {
    const run = await runScript({ DATABASE_URL: "mysql://nowhere.example/db" });
    expect(run.stderr).toContain("audit verify failed: DATABASE_URL must be a postgres:// or postgresql:// URL");
    expect(run.code).toBe(2);
  });
});
