/**
 * c. The finalisation job runs on every instance; each fully signed communiqué must still be
 * finalised once. Communiqués are prepared with all but their last signature; the last ones
 * are recorded while the run holds the communiqués' rows, so that both instances' jobs find
 * them and queue on the same row lock; once both are seen waiting, the rows are let go.
 */
import pg from "pg";
import { db } from "@/lib/db";
import { approvalActors, eventsOf, type Actors } from "@/lib/testing/approval-fixtures";
import { recordSignatureRow, signingCommunique } from "@/lib/testing/signing-fixtures";
import { getSealCertificate, SEAL_P12_SECRET } from "@/lib/seal/seal-certificate";
import { verifySeal } from "@/lib/seal/verify-seal";
import { check, ms, type Check } from "./report";
import type { Instance } from "./servers";

export interface FinaliseFigures {
  communiques: number;
  /** From the release of the rows until every communiqué was SIGNED. */
  raceMs: number;
  /** Finalisations each instance reported in its log during the race. */
  byInstance: Record<string, number>;
  /** Distinct statements of each instance seen waiting for a row lock during the race. */
  lockWaits: Record<string, number>;
}

type Prepared = Awaited<ReturnType<typeof signingCommunique>>;

/** A communiqué in SIGNING with every signature but the last recorded (so not finalised). */
async function allButLastSigned(as: Actors): Promise<Prepared> {
  const c = await signingCommunique(as);
  for (const s of c.signatories.slice(0, -1)) await recordSignatureRow(c.communiqueId, s, c.hash);
  return c;
}

/** The statements of the instances (by PGAPPNAME) waiting for a lock right now. */
async function lockWaiters(sql: pg.Client, apps: string[]): Promise<{ app: string; key: string }[]> {
  const { rows } = await sql.query<{ app: string; pid: number; started: Date }>(
    `SELECT application_name AS app, pid, query_start AS started FROM pg_stat_activity
     WHERE datname = current_database() AND wait_event_type = 'Lock' AND application_name = ANY($1::text[])`,
    [apps],
  );
  return rows.map((r) => ({ app: r.app, key: `${r.pid}@${r.started?.toISOString()}` }));
}

const finalisedIn = (log: string) => [...log.matchAll(/^jobs: finalised (\d+) communiqué/gm)].reduce((n, m) => n + Number(m[1]), 0);
const failuresIn = (log: string) => (log.match(/finalisation (?:retry )?failed/g) ?? []).length;

export async function finaliseRace(count: number, instances: Instance[], appNames: Record<string, string>): Promise<{ checks: Check[]; figures: FinaliseFigures }> {
  const as = await approvalActors();
  const prepared: Prepared[] = [];
  for (let i = 0; i < count; i++) prepared.push(await allButLastSigned(as));
  const ids = prepared.map((c) => c.communiqueId);
  const apps = instances.map((i) => appNames[i.name]!);
  const sql = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await sql.connect();
  try {
    const logFrom = Object.fromEntries(instances.map((i) => [i.name, i.log().length]));
    const seenWaiting = new Set<string>();
    // FOR NO KEY UPDATE: the finalisation's FOR UPDATE waits for it, while the signatures'
    // foreign keys (KEY SHARE) do not; the last signatures can be added under it.
    await db.$transaction(
      async (tx) => {
        await tx.$queryRawUnsafe(`SELECT "id" FROM "Communique" WHERE "id" = ANY($1::text[]) FOR NO KEY UPDATE`, ids);
        for (const c of prepared) await recordSignatureRow(c.communiqueId, c.signatories.at(-1)!, c.hash);
        const deadline = performance.now() + 30_000;
        while (performance.now() < deadline) {
          for (const w of await lockWaiters(sql, apps)) seenWaiting.add(w.app);
          if (seenWaiting.size === apps.length) return;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
    const released = performance.now();

    // Until every communiqué is SIGNED: the instances race for each row in turn.
    const waits = new Map<string, Set<string>>(apps.map((a) => [a, new Set()]));
    let signed = 0;
    while (performance.now() - released < 180_000) {
      for (const w of await lockWaiters(sql, apps)) waits.get(w.app)!.add(w.key);
      signed = await db.communique.count({ where: { id: { in: ids }, status: "SIGNED" } });
      if (signed === count) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const raceMs = performance.now() - released;
    // Each instance reports when its whole run is over, which can be a little after the last commit.
    const reported = () => Object.fromEntries(instances.map((i) => [i.name, finalisedIn(i.log().slice(logFrom[i.name]))]));
    for (const until = performance.now() + 15_000; performance.now() < until; ) {
      if (Object.values(reported()).reduce((a, b) => a + b, 0) >= count) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const byInstance = reported();
    const failures = instances.reduce((n, i) => n + failuresIn(i.log().slice(logFrom[i.name])), 0);
    const finals = await db.finalDocument.findMany({ where: { communiqueId: { in: ids } } });
    const events = await Promise.all(ids.map((id) => eventsOf(id, "communique.signed")));
    const seal = await getSealCertificate();
    const sealRows = await db.secret.count({ where: { key: SEAL_P12_SECRET } });
    const verdicts = await Promise.all(finals.map((f) => verifySeal(new Uint8Array(f.pdf))));
    const sealed = verdicts.filter(
      (v, n) => v.valid && v.coversWholeDocument && v.certificateFingerprintSha256 === seal.fingerprintSha256 && finals[n]!.sealFingerprint === seal.fingerprintSha256,
    ).length;
    const per = (n: number) => `${n} communiqué${n === 1 ? "" : "s"}`;
    const figures: FinaliseFigures = {
      communiques: count,
      raceMs,
      byInstance,
      lockWaits: Object.fromEntries(instances.map((i) => [i.name, waits.get(appNames[i.name]!)!.size])),
    };
    const tally = Object.entries(byInstance).map(([name, n]) => `${name} ${n}`).join(", ");
    return {
      figures,
      checks: [
        check(`${per(count)}: both instances' jobs were waiting for the held rows when they were let go`, seenWaiting.size === apps.length, [...seenWaiting].join(", ") || "none seen"),
        check(`${per(count)}: all SIGNED ${ms(raceMs)} ms after the release`, signed === count, `${signed} of ${count}`),
        check(`${per(count)}: exactly one final document each`, finals.length === count && new Set(finals.map((f) => f.communiqueId)).size === count, `${finals.length} documents`),
        check(`${per(count)}: exactly one finalisation audit event each`, events.every((e) => e.length === 1), events.map((e) => e.length).join(", ")),
        check(`${per(count)}: finalisations reported by the instances add up (${tally})`, Object.values(byInstance).reduce((a, b) => a + b, 0) === count),
        check(`${per(count)}: no instance logged a failed finalisation`, failures === 0, `${failures} failure line(s)`),
        check(
          `${per(count)}: every seal valid over the whole file (pdfsig), by the one seal certificate in the database`,
          finals.length === count && sealed === count && sealRows === 1,
          `${sealed} of ${finals.length} valid; ${sealRows} certificate(s)`,
        ),
      ],
    };
  } finally {
    await sql.end();
  }
}
