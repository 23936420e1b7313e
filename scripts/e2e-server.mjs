// The server Playwright tests against: a fresh database (a new embedded one, or the test
// PostgreSQL emptied), migrated, seeded, plus the e2e fixtures; then scripts/serve.mjs.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startMailbox } from "./lib/mailbox.mjs";
import { buildIsStale, root, run } from "./lib/run.mjs";

const port = process.env.PORT ?? "3100";
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 2526);
const env = {
  ...process.env,
  SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  APP_URL: `http://localhost:${port}`,
  AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-production-0123456789",
  NEXT_TELEMETRY_DISABLED: "1",
};
// The tests stand in for the proxy: they connect from this machine and name the client's
// address in X-Forwarded-For where a journey needs one of its own (limits are per address).
if (!env.TRUSTED_PROXIES && !env.TRUSTED_PROXY_HOPS) env.TRUSTED_PROXIES = "127.0.0.1, ::1";
if (!env.DATABASE_URL) env.DATA_DIR = mkdtempSync(path.join(tmpdir(), "communique-e2e-"));

if (buildIsStale()) await run("next", ["build"], { ...env, NODE_ENV: "production" });
await run("tsx", ["e2e/fixtures/prepare-server.ts"], env);

const mailbox = await startMailbox({ smtpPort, httpPort: Number(process.env.E2E_MAILBOX_PORT ?? 3199) });
const server = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs")], {
  cwd: root,
  env: { ...env, PORT: port, NODE_ENV: "production" },
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => void mailbox.close().finally(() => process.exit(code ?? 0)));
