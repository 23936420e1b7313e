// npm start: build when needed, migrate and seed the database, then serve on PORT (3000)
// with scripts/serve.mjs, which decides the client's address (TRUSTED_PROXIES, TRUSTED_PROXY_HOPS).
import { spawn } from "node:child_process";
import path from "node:path";
import { proxyRuleFromEnv } from "./lib/client-address.mjs";
import { buildIsStale, ensureAuthSecret, loadEnvLocal, root, run } from "./lib/run.mjs";

const env = loadEnvLocal({ ...process.env });
// The server refuses a bad proxy setting too; said here, it comes before a build of minutes.
try {
  proxyRuleFromEnv(env);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
ensureAuthSecret(env);
env.NEXT_TELEMETRY_DISABLED = "1";
const port = env.PORT ?? "3000";

if (buildIsStale()) {
  console.log("building the app (first start, or the sources changed)…");
  await run("next", ["build"], { ...env, NODE_ENV: "production" });
}
await run("tsx", ["scripts/db-migrate.ts"], env);

console.log(`serving on http://localhost:${port} (${env.DATABASE_URL ? "PostgreSQL" : `embedded database in ${env.DATA_DIR ?? "data"}/`})`);
const server = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs")], {
  cwd: root,
  env: { ...env, PORT: port, NODE_ENV: "production" },
  stdio: "inherit",
});
// Pass signals on, so the server closes the embedded database before exiting.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
