// npm test: the whole suite — type check, unit and integration tests (Vitest), then the
// browser journeys (Playwright starts its own server). On the embedded database by default;
// on PostgreSQL when DATABASE_URL is set (its database name must contain "test").
import { createRequire } from "node:module";
import { run } from "./lib/run.mjs";
import { ensureTestTools } from "./lib/test-tools.mjs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

// Before anything runs: a missing browser or poppler would otherwise show as dozens of failures.
let ownBrowser = null;
try {
  ownBrowser = createRequire(import.meta.url)("playwright-core").chromium.executablePath();
} catch {
  // No browser of Playwright's own: the system's is looked for.
}
const missing = ensureTestTools(env, ownBrowser);
if (missing) {
  console.error(missing);
  process.exit(1);
}
const target = env.DATABASE_URL ? `PostgreSQL (${new URL(env.DATABASE_URL).pathname.slice(1)})` : "the embedded database";
console.log(`\n▶ type check`);
await run("tsc", ["--noEmit", "-p", "."], env);
console.log(`\n▶ unit and integration tests on ${target}`);
await run("vitest", ["run"], env);
console.log(`\n▶ browser journeys on ${target}`);
await run("playwright", ["test"], env);
