/**
 * Scale-out: two instances of the app — two `next start` processes with their own ports,
 * PIDs, logs and data folders — on one PostgreSQL database, sharing nothing else but the
 * build. Each check prints PASS or FAIL; the run exits with 1 when any fails.
 *
 *   a. a session made on one instance works on the other; failed sign-ins count on both;
 *   b. a head's decision made in the browser on A is on B's status board;
 *   c. both instances' finalisation jobs, let loose on the same fully signed communiqués at
 *      the same moment (one, then five), finalise each once: one document, one audit event,
 *      a valid seal;
 *   d. every outbox message reaches the SMTP server once;
 *   e. the audit chain is intact;
 *   f. both instances stop on SIGTERM.
 *
 *   npm run bench -- scaleout
 *
 * SCALEOUT_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/communique_scale_test)
 * is emptied on every run, so its name must contain "test"; SCALEOUT_PORTS (default
 * 3401,3402). The build lives in .next-scale and is made again when the sources are newer.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { verifyChain } from "@/lib/audit/verify-chain";
import { closeDb, db } from "@/lib/db";
import { deliveriesSettled } from "@/lib/mail/deliver";
import { PASSWORD } from "@/lib/testing/signing-fixtures";
import { decisionChecks } from "./decision";
import { finaliseRace, type FinaliseFigures } from "./finalise";
import { mailChecks } from "./mail";
import { startMailbox, type Mailbox } from "./mailbox";
import { ensureBuild, ensureDatabase, prepareSharedDatabase } from "./prepare";
import { check, ms, type Check } from "./report";
import { assertPortFree, startInstance, stopInstance, tail, waitReady, type Instance } from "./servers";
import { LOCKOUT_ACCOUNT, sessionChecks } from "./sessions";

const DIST_DIR = ".next-scale";
const DATABASE_URL = process.env.SCALEOUT_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/communique_scale_test";
const PORTS = (process.env.SCALEOUT_PORTS ?? "3401,3402").split(",").map((p) => Number(p.trim()));
const NAMES = ["A", "B"] as const;
// How the instances' database connections are told apart in pg_stat_activity.
const APP_NAMES: Record<string, string> = { A: "communique-scaleout-a", B: "communique-scaleout-b" };
// The instances' job interval: short, so that both pick up the same work within a second.
const JOBS_INTERVAL_MS = 1_000;

// This process's own queries (fixtures, checks) go to the instances' database.
process.env.DATABASE_URL = DATABASE_URL;
// Mail queued by the fixtures here is left to the instances to send: without an SMTP server
// this process only logs it, and that log is noise.
delete process.env.SMTP_URL;
const info = console.info.bind(console);
console.info = (...args: unknown[]) => {
  if (typeof args[0] === "string" && args[0].startsWith("mail (")) return;
  info(...args);
};

interface Group {
  name: string;
  checks: Check[];
  ms: number;
}
const groups: Group[] = [];
const figures: FinaliseFigures[] = [];
const instances: Instance[] = [];

const errorText = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error));

async function group(name: string, run: () => Promise<Check[]>) {
  console.log(`\n### ${name}\n`);
  const started = performance.now();
  let checks: Check[];
  try {
    checks = await run();
  } catch (error) {
    checks = [check(`${name}: ran to the end`, false, errorText(error))];
  }
  for (const c of checks) console.log(`${c.ok ? "PASS" : "FAIL"} ${c.label}${c.detail ? ` — ${c.detail}` : ""}`);
  groups.push({ name, checks, ms: performance.now() - started });
}

/** Two processes, each with its own connections to the database, each answering. */
async function instanceChecks(): Promise<Check[]> {
  const sql = new pg.Client({ connectionString: DATABASE_URL });
  await sql.connect();
  try {
    const { rows } = await sql.query<{ app: string; n: number }>(
      `SELECT application_name AS app, count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND application_name = ANY($1::text[]) GROUP BY 1`,
      [Object.values(APP_NAMES)],
    );
    const connections = Object.fromEntries(rows.map((r) => [r.app, r.n]));
    const health = await Promise.all(
      instances.map((i) =>
        fetch(`${i.url}/api/health`).then(
          async (r) => ({ status: r.status, body: await r.text() }),
          () => ({ status: 0, body: "" }),
        ),
      ),
    );
    return [
      check(
        `two next start processes, different PIDs, both running`,
        new Set(instances.map((i) => i.pid)).size === 2 && instances.every((i) => i.child.exitCode === null),
        instances.map((i) => `${i.name} pid ${i.pid} on :${i.port}`).join(", "),
      ),
      check(
        `both connected to the one database`,
        instances.every((i) => (connections[APP_NAMES[i.name]!] ?? 0) > 0),
        instances.map((i) => `${i.name} ${connections[APP_NAMES[i.name]!] ?? 0} connection(s)`).join(", "),
      ),
      check(
        `both healthy: /api/health answers 200 {"status":"ok"}`,
        health.every((h) => h.status === 200 && /^\{\s*"status"\s*:\s*"ok"\s*\}$/.test(h.body.trim())),
        health.map((h, n) => `${instances[n]!.name} ${h.status} ${h.body}`).join(", "),
      ),
    ];
  } finally {
    await sql.end();
  }
}

async function finaliseChecks(count: number): Promise<Check[]> {
  const { checks, figures: f } = await finaliseRace(count, instances, APP_NAMES);
  figures.push(f);
  return checks;
}

async function auditChecks(): Promise<Check[]> {
  const report = await verifyChain(db);
  return [check(`the audit chain is intact after writes from both instances and this process`, report.ok, report.ok ? `${report.events} events` : `broken at ${report.seq}: ${report.problem}`)];
}

async function stopChecks(work: string): Promise<Check[]> {
  const stopped = await Promise.all(instances.map((i) => stopInstance(i)));
  const embedded = instances.filter((i) => {
    const data = join(work, i.name, "data");
    return existsSync(data) && readdirSync(data).length > 0;
  });
  return [
    check(
      `both instances exit on SIGTERM`,
      stopped.every((s) => s.clean && (s.code === 0 || s.signal === "SIGTERM")),
      stopped.map((s, n) => `${instances[n]!.name} ${s.clean ? `in ${ms(s.ms)} ms` : "killed"}, code ${s.code ?? s.signal}`).join(", "),
    ),
    check(`neither wrote to its own data folder (no embedded database, nothing local)`, embedded.length === 0, embedded.map((i) => i.name).join(", ") || "both empty"),
  ];
}

function summary() {
  console.log(`\n### Summary\n`);
  console.log("| checks | passed | time ms |");
  console.log("|---|---:|---:|");
  for (const g of groups) console.log(`| ${g.name} | ${g.checks.filter((c) => c.ok).length} of ${g.checks.length} | ${ms(g.ms)} |`);
  if (figures.length) {
    console.log("\n| communiqués at once | all SIGNED after ms | finalised by A | finalised by B | lock waits in the race, A | lock waits in the race, B |");
    console.log("|---:|---:|---:|---:|---:|---:|");
    for (const f of figures) {
      console.log(`| ${f.communiques} | ${ms(f.raceMs)} | ${f.byInstance.A ?? 0} | ${f.byInstance.B ?? 0} | ${f.lockWaits.A ?? 0} | ${f.lockWaits.B ?? 0} |`);
    }
  }
}

async function main(): Promise<boolean> {
  const work = mkdtempSync(join(tmpdir(), "bench-scaleout-"));
  let mailbox: Mailbox | null = null;
  let ok = false;
  try {
    const where = new URL(DATABASE_URL);
    console.log(`database ${where.host}${where.pathname}, instances on ports ${PORTS.join(" and ")}, build in ${DIST_DIR}, jobs every ${JOBS_INTERVAL_MS} ms`);
    if (PORTS.length !== 2 || PORTS.some((p) => !Number.isInteger(p) || p <= 0)) throw new Error("SCALEOUT_PORTS must be two ports, e.g. 3401,3402");
    for (const port of PORTS) await assertPortFree(port);
    await ensureDatabase(DATABASE_URL);

    const built = await ensureBuild(DIST_DIR, { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
    console.log(built === null ? `build: ${DIST_DIR} is up to date` : `build: ${ms(built)} ms`);
    let t = performance.now();
    await prepareSharedDatabase(LOCKOUT_ACCOUNT, PASSWORD);
    console.log(`database: emptied, migrated and seeded in ${ms(performance.now() - t)} ms`);

    mailbox = await startMailbox();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      APP_URL: `http://localhost:${PORTS[0]}`,
      SMTP_URL: mailbox.url,
      JOBS_INTERVAL_MS: String(JOBS_INTERVAL_MS),
    };
    t = performance.now();
    for (const [n, name] of NAMES.entries()) instances.push(startInstance(name, PORTS[n]!, { ...env, PGAPPNAME: APP_NAMES[name] }, work));
    await Promise.all(instances.map((i) => waitReady(i)));
    console.log(`instances ready in ${ms(performance.now() - t)} ms: ${instances.map((i) => `${i.name} pid ${i.pid} ${i.url}`).join(", ")}`);

    await group("instances", instanceChecks);
    await group("a. a session made on one instance works on the other", () => sessionChecks(instances[0]!, instances[1]!));
    await group("b. a decision made on one instance is seen on the other", () => decisionChecks(instances[0]!, instances[1]!));
    await group("c. the finalisation job runs once: one communiqué", () => finaliseChecks(1));
    await group("c. the finalisation job runs once: five communiqués at once", () => finaliseChecks(5));
    const box = mailbox;
    await group("d. each outbox message is sent once", async () => (await mailChecks(box)).checks);
    await group("e. audit chain", auditChecks);
    ok = true;
  } catch (error) {
    groups.push({ name: "setup", checks: [check("setup", false, errorText(error))], ms: 0 });
    console.error(`FAIL setup: ${errorText(error)}`);
  } finally {
    if (instances.length) await group("f. shutdown", () => stopChecks(work));
    await mailbox?.close();
    await deliveriesSettled();
    await closeDb();
  }
  const passed = ok && groups.every((g) => g.checks.every((c) => c.ok));
  summary();
  if (passed) rmSync(work, { recursive: true, force: true });
  else {
    for (const i of instances) console.log(`\n${i.name}'s log (${i.logFile}), last lines:\n${tail(i.log())}`);
  }
  return passed;
}

// Interrupted: stop the instances before leaving; whatever still runs at exit is killed.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void Promise.all(instances.map((i) => stopInstance(i, 5_000))).finally(() => process.exit(130));
  });
}
process.on("exit", () => {
  for (const i of instances) {
    if (i.child.exitCode === null && i.child.signalCode === null) {
      try {
        process.kill(-i.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
});

main().then(
  (passed) => process.exit(passed ? 0 : 1),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
