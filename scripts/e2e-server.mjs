// The server Playwright tests against: a fresh database (a new embedded one, or the test
// PostgreSQL emptied), migrated, seeded, plus the e2e fixtures; then `next start`.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildIsStale, root, run } from "./lib/run.mjs";

const env = {
  ...process.env,
  AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-production-0123456789",
  NEXT_TELEMETRY_DISABLED: "1",
};
if (!env.DATABASE_URL) env.DATA_DIR = mkdtempSync(path.join(tmpdir(), "communique-e2e-"));

if (buildIsStale()) await run("next", ["build"], { ...env, NODE_ENV: "production" });
await run("tsx", ["e2e/fixtures/prepare-server.ts"], env);

const server = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", env.PORT ?? "3100"], {
  cwd: root,
  env: { ...env, NODE_ENV: "production" },
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
