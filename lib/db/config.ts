import { mkdirSync } from "node:fs";
import path from "node:path";
import { config, type Env } from "@/lib/config";

export type DbTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

/** PostgreSQL when DATABASE_URL names one; otherwise the embedded database under DATA_DIR. */
export function dbTarget(env?: Env): DbTarget {
  const url = config(env).databaseUrl;
  if (url) return { kind: "postgres", url };
  return { kind: "pglite", dataDir: path.join(dataDir(env), "pglite") };
}

export function dataDir(env?: Env): string {
  return path.resolve(/*turbopackIgnore: true*/ config(env).dataDir);
}

/** Opens options for PGlite: "memory://" for a throwaway database, else a folder made on demand. */
export function pgliteDataDir(target: Extract<DbTarget, { kind: "pglite" }>): string | undefined {
  if (target.dataDir.includes("memory:")) return undefined;
  mkdirSync(target.dataDir, { recursive: true });
  return target.dataDir;
}
