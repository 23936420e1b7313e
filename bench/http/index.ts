/**
 * The app over HTTP, as a head uses it: a production build (`next start`) on PostgreSQL.
 *
 * - Load: autocannon against a head's review page of a 60-clause communiqué (with the
 *   changes since the previous revision and a comment on every clause), against the health
 *   route (a route handler: one `SELECT 1`) and against the verify page (the least page of
 *   this app: the layout, the signed-in header, a heading and a form) of the same server,
 *   same connections, cookie and duration, in rotating rounds.
 * - Statements per request: a second server started with DB_QUERY_LOG=print; sequential
 *   requests after a warm-up, counting the statements it logs between them, for review pages
 *   of 10 and of 200 clauses.
 * - JavaScript: every script under /_next/static/ the review page loads, gzipped.
 *
 *   npm run bench -- http
 *
 * The build goes to .next-bench (rebuilt when a source is newer). DATABASE_URL (default
 * postgresql://postgres@127.0.0.1:5432/communique_bench_test) is EMPTIED and re-seeded; its
 * name must contain "test". BENCH_CONNECTIONS (10), BENCH_SECONDS per run (10) and
 * BENCH_ROUNDS (3) shape the load. Exits non-zero when a target is missed.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import { measureScripts, pageScripts } from "./js-size";
import type { ReviewCommunique } from "@/lib/testing/review-fixture";
import { fetchPage, freePort, signIn, startServer, type Server } from "./server";

const root = join(import.meta.dirname, "..", "..");
const DIST_DIR = ".next-bench";
const DATABASE_URL = process.env.DATABASE_URL?.trim() || "postgresql://postgres@127.0.0.1:5432/communique_bench_test";
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const LOAD_CLAUSES = 60;
const COUNT_CLAUSES = [10, 200] as const;
const SAMPLES = 5;
const HEAD = "kravchuk@khabarovsk.example";
const HEAD_NAME = "Кравчук";
const PASSWORD = "Kamchatka-2019";
const MIN_RATIO = 0.5;
const JS_BUDGET = 150 * 1024;

const servers = new Set<Server>();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

// ---------------------------------------------------------------------------------------
// Build and data

/**
 * Builds into .next-bench unless that build is newer than every source. `next build` adds its
 * folder's type files to tsconfig.json's "include" and points next-env.d.ts at them; only
 * those additions are taken back afterwards (other builds may edit the same files meanwhile),
 * so a benchmark build leaves the working tree as it found it.
 */
function buildIfStale() {
  const env = { ...process.env, NEXT_DIST_DIR: DIST_DIR };
  const runMjs = pathToFileURL(join(root, "scripts", "lib", "run.mjs")).href;
  const check = spawnSync(process.execPath, ["--input-type=module", "-e", `import { buildIsStale } from ${JSON.stringify(runMjs)}; process.exit(buildIsStale() ? 1 : 0);`], { cwd: root, env, stdio: "inherit" });
  if (check.status === 0) {
    console.log(`build in ${DIST_DIR}/ is up to date`);
    return;
  }
  console.log(`building into ${DIST_DIR}/ (output on stderr)…`);
  const nextEnv = join(root, "next-env.d.ts");
  const nextEnvBefore = existsSync(nextEnv) ? readFileSync(nextEnv, "utf8") : null;
  const tsconfig = join(root, "tsconfig.json");
  const tsconfigBefore = { text: readFileSync(tsconfig, "utf8"), ...statSync(tsconfig) };
  try {
    const build = spawnSync(join(root, "node_modules", ".bin", "next"), ["build"], {
      cwd: root,
      env: { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", 2, 2],
    });
    if (build.status !== 0) throw new Error(`next build failed (${build.signal ?? build.status})`);
  } finally {
    const config = JSON.parse(readFileSync(tsconfig, "utf8")) as { include?: string[] };
    const include = config.include?.filter((p) => !p.startsWith(`${DIST_DIR}/`));
    if (include && include.length !== config.include!.length) {
      // Written as Next.js writes it: two-space JSON and a final newline.
      const text = `${JSON.stringify({ ...config, include }, null, 2)}\n`;
      writeFileSync(tsconfig, text);
      // Back as it was, its time too: tsconfig.json is a source whose change makes a build stale.
      if (text === tsconfigBefore.text) utimesSync(tsconfig, tsconfigBefore.atime, tsconfigBefore.mtime);
    }
    if (existsSync(nextEnv) && readFileSync(nextEnv, "utf8").includes(`${DIST_DIR}/`)) {
      if (nextEnvBefore === null) unlinkSync(nextEnv);
      else writeFileSync(nextEnv, nextEnvBefore);
    }
  }
}

/** Empties, migrates and seeds the benchmark database and sets up the communiqués (bench/http/prepare.ts). */
function prepareData(lengths: number[]): Record<string, ReviewCommunique> {
  const dir = mkdtempSync(join(tmpdir(), "bench-http-"));
  const out = join(dir, "communiques.json");
  try {
    const result = spawnSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "prepare.ts"), out, ...lengths.map(String)], {
      cwd: root,
      env: { ...process.env, DATABASE_URL },
      stdio: ["ignore", 2, 2],
    });
    if (result.status !== 0) throw new Error(`preparing the database failed (${result.status}): is PostgreSQL running at ${new URL(DATABASE_URL).host}?`);
    return JSON.parse(readFileSync(out, "utf8")) as Record<string, ReviewCommunique>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function start(env: Record<string, string>, onLine?: (line: string) => void): Promise<Server> {
  const server = await startServer({ distDir: DIST_DIR, port: await freePort(3300), env: { DATABASE_URL, ...env }, onLine });
  servers.add(server);
  return server;
}

async function stop(server: Server) {
  await server.stop();
  servers.delete(server);
}

const escapeHtml = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#x27;");

/** The review page answers 200 with the document in it: not a redirect to sign-in, not an error page. */
async function expectReviewPage(url: string, cookie: string, communique: ReviewCommunique, when: string): Promise<string> {
  const page = await fetchPage(url, cookie);
  if (page.status !== 200) throw new Error(`review page ${when}: ${page.status}${page.location ? ` → ${page.location}` : ""}`);
  if (!page.html.includes(escapeHtml(communique.probe)) || !page.html.includes('data-testid="revision"')) {
    throw new Error(`review page ${when}: 200, but without the communiqué's text`);
  }
  return page.html;
}

// ---------------------------------------------------------------------------------------
// Load

interface Run {
  seconds: number;
  /** Milliseconds, one per response. */
  latencies: number[];
  non2xx: number;
  errors: number;
  timeouts: number;
}

async function load(url: string, cookie: string, seconds = SECONDS): Promise<Run> {
  const latencies: number[] = [];
  const instance = autocannon({ url, connections: CONNECTIONS, duration: seconds, headers: { cookie } });
  instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  return { seconds: result.duration, latencies, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts };
}

/** Nearest-rank percentile. */
function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;
}

function figures(runs: Run[]) {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const seconds = runs.reduce((s, r) => s + r.seconds, 0);
  return {
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    non2xx: runs.reduce((s, r) => s + r.non2xx, 0),
    errors: runs.reduce((s, r) => s + r.errors + r.timeouts, 0),
  };
}

type Target = "review" | "page" | "health";
const TARGETS: Target[] = ["review", "page", "health"];

async function loadPhase(communique: ReviewCommunique) {
  // Measured as deployed: no statement log, whatever the calling shell has set.
  const server = await start({ DB_QUERY_LOG: "" });
  try {
    const cookie = await signIn(server.base, HEAD, PASSWORD);
    const urls: Record<Target, string> = {
      review: `${server.base}/communiques/${communique.communiqueId}/review`,
      page: `${server.base}/verify`,
      health: `${server.base}/api/health`,
    };
    const html = await expectReviewPage(urls.review, cookie, communique, "before the load");
    const health = await fetch(urls.health);
    const body = (await health.json()) as { status?: string };
    if (health.status !== 200 || body.status !== "ok") throw new Error(`health route: ${health.status} ${JSON.stringify(body)}`);

    const chunks = await measureScripts(server.base, pageScripts(html));

    // Warm-up: the JIT, the connection pool and Next's caches of compiled routes.
    const page = await fetchPage(urls.page, cookie);
    if (page.status !== 200 || !page.html.includes(escapeHtml(HEAD_NAME))) throw new Error(`verify page: ${page.status}, or not signed in`);
    for (const target of TARGETS) await load(urls[target], cookie, 3);
    const runs: Record<Target, Run[]> = { review: [], page: [], health: [] };
    for (let round = 0; round < ROUNDS; round++) {
      // Rotating which goes first, so that a drift in the machine's load hits all alike.
      const order = TARGETS.map((_, i) => TARGETS[(i + round) % TARGETS.length]!);
      for (const target of order) runs[target].push(await load(urls[target], cookie));
    }
    await expectReviewPage(urls.review, cookie, communique, "after the load");
    return { runs, chunks, htmlBytes: Buffer.byteLength(html) };
  } finally {
    await stop(server);
  }
}

// ---------------------------------------------------------------------------------------
// Statements per request

/**
 * A server that prints every statement it sends (DB_QUERY_LOG=print, with a running number):
 * the statements of one request are the numbers logged between sending it and the log going
 * quiet after its response. Background jobs of the server can only add statements, so the
 * least of several samples is the request's own count.
 */
async function statementPhase(communiques: Record<string, ReviewCommunique>) {
  let last = 0;
  let lastAt = Date.now();
  const logged: string[] = [];
  const server = await start({ DB_QUERY_LOG: "print" }, (line) => {
    const match = /^db query #(\d+) /.exec(line);
    if (!match) return;
    last = Number(match[1]);
    lastAt = Date.now();
    logged.push(line);
  });
  try {
    const quiet = async () => {
      do {
        await sleep(100);
      } while (Date.now() - lastAt < 400);
    };
    const cookie = await signIn(server.base, HEAD, PASSWORD);
    const targets: [string, string, ReviewCommunique | null][] = [
      ["health route", `${server.base}/api/health`, null],
      ...COUNT_CLAUSES.map((n): [string, string, ReviewCommunique] => [`review page, ${n} clauses`, `${server.base}/communiques/${communiques[n]!.communiqueId}/review`, communiques[n]!]),
    ];
    const statementsOf = async ([label, url, communique]: (typeof targets)[number]) => {
      await quiet();
      const before = last;
      logged.length = 0;
      if (communique) await expectReviewPage(url, cookie, communique, label);
      else {
        const response = await fetch(url);
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${label}: ${response.status}`);
      }
      await quiet();
      return { statements: last - before, sql: [...logged] };
    };
    for (const target of targets) for (let i = 0; i < 2; i++) await statementsOf(target); // warm-up
    const counts = [];
    for (const target of targets) {
      const samples = [];
      for (let i = 0; i < SAMPLES; i++) samples.push(await statementsOf(target));
      const least = samples.reduce((a, b) => (b.statements < a.statements ? b : a));
      counts.push({ label: target[0], statements: least.statements, samples: samples.map((s) => s.statements), sql: least.sql });
    }
    return counts;
  } finally {
    await stop(server);
  }
}

// ---------------------------------------------------------------------------------------

async function main() {
  buildIfStale();
  const communiques = prepareData([LOAD_CLAUSES, ...COUNT_CLAUSES]);
  const loadBefore = loadavg()[0]!;
  const { runs, chunks, htmlBytes } = await loadPhase(communiques[LOAD_CLAUSES]!);
  const loadAfter = loadavg()[0]!;
  const counts = await statementPhase(communiques);

  console.log(`\n${cpus().length} CPUs, load average ${loadBefore.toFixed(1)} before the load runs, ${loadAfter.toFixed(1)} after; ` +
    `${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s per route (after 3 s of warm-up each), review page of ${LOAD_CLAUSES} clauses\n`);
  console.log("| route | round | requests/s | p50 ms | p95 ms | p99 ms | requests | non-2xx | errors |");
  console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|");
  const row = (label: string, round: string, f: ReturnType<typeof figures>) =>
    console.log(`| ${label} | ${round} | ${f.rps.toFixed(1)} | ${ms(f.p50)} | ${ms(f.p95)} | ${ms(f.p99)} | ${f.requests} | ${f.non2xx} | ${f.errors} |`);
  const labels: Record<Target, string> = { review: `review page (${LOAD_CLAUSES} clauses)`, page: "/verify page", health: "/api/health" };
  for (const target of TARGETS) {
    runs[target].forEach((run, i) => row(labels[target], String(i + 1), figures([run])));
    row(labels[target], "all", figures(runs[target]));
  }
  const review = figures(runs.review);
  const health = figures(runs.health);
  const ratioTo = (target: Target) => {
    const ratio = review.rps / figures(runs[target]).rps;
    const rounds = runs.review.map((run, i) => figures([run]).rps / figures([runs[target][i]!]).rps);
    console.log(`throughput ratio review/${target}: ${ratio.toFixed(2)} (rounds: ${rounds.map((r) => r.toFixed(2)).join(", ")})`);
    return ratio;
  };
  console.log("");
  const ratio = ratioTo("health");
  ratioTo("page");

  console.log(`\n| request | SQL statements (least of ${SAMPLES}) | samples |`);
  console.log("|---|---:|---|");
  for (const c of counts) console.log(`| ${c.label} | ${c.statements} | ${c.samples.join(", ")} |`);
  if (process.env.BENCH_VERBOSE) for (const c of counts) console.log(`\n${c.label}:\n${c.sql.join("\n")}`);

  const modern = chunks.filter((c) => !c.legacyOnly);
  const sum = (cs: typeof chunks, key: "bytes" | "gzipBytes") => cs.reduce((s, c) => s + c[key], 0);
  const total = sum(modern, "gzipBytes");
  console.log(`\n| script of the review page (HTML ${kb(htmlBytes)} KB) | KB | KB gzip -9 |`);
  console.log("|---|---:|---:|");
  for (const c of chunks) console.log(`| ${c.path.replace("/_next/static/", "")}${c.legacyOnly ? " (nomodule: legacy browsers only)" : ""} | ${kb(c.bytes)} | ${kb(c.gzipBytes)} |`);
  console.log(`| **total a current browser loads, ${modern.length} scripts** | ${kb(sum(modern, "bytes"))} | ${kb(total)} |`);
  if (modern.length < chunks.length) console.log(`| total with the nomodule scripts | ${kb(sum(chunks, "bytes"))} | ${kb(sum(chunks, "gzipBytes"))} |`);

  const [, short, long] = counts;
  const checks = [
    [`review page throughput ≥ ${MIN_RATIO} × the health route's (${ratio.toFixed(2)})`, ratio >= MIN_RATIO],
    [`no non-2xx responses, errors or timeouts under load`, TARGETS.every((t) => figures(runs[t]).non2xx + figures(runs[t]).errors === 0)],
    [`statements per review page do not grow with the clauses (${short!.statements} at 10, ${long!.statements} at 200)`, long!.statements <= short!.statements],
    [`JavaScript of the review page ≤ ${kb(JS_BUDGET)} KB gzip (${kb(total)} KB)`, total <= JS_BUDGET],
  ] as const;
  console.log("");
  for (const [label, ok] of checks) console.log(`- ${ok ? "met" : "NOT met"}: ${label}`);
  return checks.every(([, ok]) => ok);
}

async function stopAll() {
  await Promise.all([...servers].map((s) => s.stop()));
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void stopAll().finally(() => process.exit(130)));
}

main()
  .then((ok) => process.exit(ok ? 0 : 1))
  .catch(async (error: unknown) => {
    console.error(error);
    await stopAll();
    process.exit(1);
  });
