// Small helpers shared by the start and test scripts (plain Node, no build step).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, appendFileSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);

/** Runs a command with inherited output; rejects when it fails. */
export function run(command, args, env = process.env) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin(command), args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? code})`)),
    );
  });
}

/** Reads KEY=VALUE lines of .env.local (Next.js reads it too; the migrate step needs the same values). */
export function loadEnvLocal(env = process.env) {
  const file = path.join(root, ".env.local");
  if (!existsSync(file)) return env;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const match = /^\s*([A-Z_][A-Z0-9_]*)\s*=\s*(.*)\s*$/.exec(line);
    if (match && env[match[1]] === undefined) env[match[1]] = match[2].replace(/^"(.*)"$/, "$1");
  }
  return env;
}

/** A local secret for signing sessions, generated once and kept in .env.local. */
export function ensureAuthSecret(env = process.env) {
  if (env.AUTH_SECRET) return;
  const secret = randomBytes(32).toString("base64url");
  appendFileSync(path.join(root, ".env.local"), `AUTH_SECRET=${secret}\n`);
  env.AUTH_SECRET = secret;
  console.log("generated a local AUTH_SECRET in .env.local");
}

const SOURCES = ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.js", "instrumentation.ts", "package-lock.json", "tsconfig.json"];

function newestMtime(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(full)) {
    if (child === "generated" || child === "node_modules" || child.endsWith(".test.ts")) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

/** True when there is no production build or a source file is newer than it. */
export function buildIsStale() {
  const buildId = path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.some((entry) => newestMtime(entry) > built);
}
