// npm test: the whole suite — type check, unit and integration tests (Vitest), then the
// browser journeys (Playwright starts its own server). On the embedded database by default;
// on PostgreSQL when DATABASE_URL is set (its database name must contain "test").
import { run } from "./lib/run.mjs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const target = env.DATABASE_URL ? `PostgreSQL (${new URL(env.DATABASE_URL).pathname.slice(1)})` : "the embedded database";
console.log(`\n▶ type check`);
await run("tsc", ["--noEmit", "-p", "."], env);
console.log(`\n▶ unit and integration tests on ${target}`);
await run("vitest", ["run"], env);
console.log(`\n▶ browser journeys on ${target}`);
await run("playwright", ["test"], env);
