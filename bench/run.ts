/**
 * Runs every benchmark under bench/: each `bench/<name>.ts` (helpers carry a dash,
 * `bench/<name>-*.ts`, and are not run) and each `bench/<name>/index.ts`, one after
 * another, each in its own process so one cannot warm up the next.
 *
 *   npm run bench            # all
 *   npm run bench -- pdf     # only bench/pdf.ts
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const dir = join(process.cwd(), "bench");
const only = new Set(process.argv.slice(2));

const benches = readdirSync(dir)
  .flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return existsSync(join(path, "index.ts")) ? [{ name: entry, file: join(path, "index.ts") }] : [];
    const m = /^([a-z0-9]+)\.ts$/.exec(entry);
    return m && m[1] !== "run" ? [{ name: m[1]!, file: path }] : [];
  })
  .filter((b) => only.size === 0 || only.has(b.name))
  .sort((a, b) => a.name.localeCompare(b.name));

if (benches.length === 0) {
  console.error(`No benchmark matches ${[...only].join(", ")}`);
  process.exit(1);
}

let failed = false;
for (const bench of benches) {
  console.log(`\n## ${bench.name}\n`);
  const result = spawnSync(process.execPath, ["--import", "tsx", bench.file], { stdio: "inherit" });
  if (result.status !== 0) {
    failed = true;
    console.error(`bench ${bench.name} failed with exit code ${result.status}`);
  }
}
process.exit(failed ? 1 : 0);
