// npm start: build when needed, migrate and seed the database, then serve on PORT (3000).
import { spawn } from "node:child_process";
import path from "node:path";
import { buildIsStale, ensureAuthSecret, loadEnvLocal, root, run } from "./lib/run.mjs";

const env = loadEnvLocal({ ...process.env });
ensureAuthSecret(env);
env.NEXT_TELEMETRY_DISABLED = "1";
const port = env.PORT ?? "3000";

if (buildIsStale()) {
  console.log("building the app (first start, or the sources changed)…");
  await run("next", ["build"], { ...env, NODE_ENV: "production" });
}
await run("tsx", ["scripts/db-migrate.ts"], env);

console.log(`serving on http://localhost:${port} (${env.DATABASE_URL ? "PostgreSQL" : `embedded database in ${env.DATA_DIR ?? "data"}/`})`);
const server = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", port], {
  cwd: root,
  env: { ...env, NODE_ENV: "production" },
  stdio: "inherit",
});
// Pass signals on, so the server closes the embedded database before exiting.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
