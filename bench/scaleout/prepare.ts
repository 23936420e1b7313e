/**
 * Before the instances start: a build of their own (NEXT_DIST_DIR) when the sources are newer
 * than it, and a PostgreSQL database emptied, migrated and seeded.
 */
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { prepareDatabase } from "@/lib/db/prepare";
import { resetPostgresForTests } from "@/lib/testing/reset-postgres";

interface RunHelpers {
  buildIsStale(): boolean;
  run(command: string, args: string[], env?: NodeJS.ProcessEnv): Promise<void>;
}

// The start scripts' helpers (plain JavaScript, so imported by address: they carry no types).
const helpers = () => import(new URL("../../scripts/lib/run.mjs", import.meta.url).href) as Promise<RunHelpers>;

/**
 * Builds into `distDir` unless the build there is up to date. instrumentation.ts (the jobs
 * the instances run) counts as a source too. Returns the build time in ms, or null when
 * the existing build was used.
 */
export async function ensureBuild(distDir: string, env: NodeJS.ProcessEnv): Promise<number | null> {
  const previous = process.env.NEXT_DIST_DIR;
  process.env.NEXT_DIST_DIR = distDir; // buildIsStale looks there
  try {
    const { buildIsStale, run } = await helpers();
    const buildId = join(process.cwd(), distDir, "BUILD_ID");
    const stale = buildIsStale() || statSync("instrumentation.ts").mtimeMs > statSync(buildId).mtimeMs;
    if (!stale) return null;
    const started = performance.now();
    await keepingTsconfig(distDir, () => run("next", ["build"], { ...env, NEXT_DIST_DIR: distDir, NODE_ENV: "production" }));
    return performance.now() - started;
  } finally {
    if (previous === undefined) delete process.env.NEXT_DIST_DIR;
    else process.env.NEXT_DIST_DIR = previous;
  }
}

/**
 * `next build` points the TypeScript setup at its build folder: it adds `<distDir>/types/**`
 * to tsconfig.json's include list and rewrites next-env.d.ts to import from there. For a side
 * build both are put back (content and modification time, which decides whether other builds
 * are stale), but only when the build's edit is the sole change: an edit someone else made
 * meanwhile is left alone.
 */
async function keepingTsconfig(distDir: string, build: () => Promise<void>) {
  const tsconfig = snapshot("tsconfig.json");
  const nextEnv = snapshot("next-env.d.ts");
  try {
    await build();
  } finally {
    tsconfig?.restoreIf((after) => {
      const config = JSON.parse(after) as { include?: string[] };
      config.include = config.include?.filter((entry) => !entry.startsWith(`${distDir}/`));
      return isDeepStrictEqual(config, JSON.parse(tsconfig.text));
    });
    nextEnv?.restoreIf((after) => after.includes(`./${distDir}/types/`));
  }
}

/** A file's text and times, to be put back when `ours` says the change since is the build's. */
function snapshot(name: string) {
  const file = join(process.cwd(), name);
  if (!existsSync(file)) return null;
  const text = readFileSync(file, "utf8");
  const { atime, mtime } = statSync(file);
  return {
    text,
    restoreIf(ours: (after: string) => boolean) {
      const after = readFileSync(file, "utf8");
      if (after === text) return;
      if (!ours(after)) {
        console.warn(`${name} changed during the build beyond what the build does; left as it is`);
        return;
      }
      writeFileSync(file, text);
      utimesSync(file, atime, mtime);
    },
  };
}

/** Creates the database when it does not exist (its name must say it is for tests). */
export async function ensureDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/test/i.test(name)) throw new Error(`Refusing to use database "${name}": its name must contain "test" (it is emptied on every run)`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.href });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** Empties, migrates and seeds the database of DATABASE_URL; adds the account the lockout check locks. */
export async function prepareSharedDatabase(lockoutEmail: string, password: string): Promise<void> {
  await resetPostgresForTests();
  await prepareDatabase({ seed: true });
  await db.user.create({
    data: { email: lockoutEmail, displayName: "Проверка блокировки", role: "SECRETARIAT", locale: "ru", passwordHash: await hashPassword(password) },
  });
}
