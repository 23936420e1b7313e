import { mkdirSync } from "node:fs";
import path from "node:path";

export type DbTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

/** PostgreSQL when DATABASE_URL names one; otherwise the embedded database under DATA_DIR. */
export function dbTarget(env: NodeJS.ProcessEnv = process.env): DbTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error("DATABASE_URL must be a postgres:// or postgresql:// URL");
    }
    return { kind: "postgres", url };
  }
  return { kind: "pglite", dataDir: path.join(dataDir(env), "pglite") };
}

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR?.trim() || "data");
}

/** Opens options for PGlite: "memory://" for a throwaway database, else a folder made on demand. */
export function pgliteDataDir(target: Extract<DbTarget, { kind: "pglite" }>): string | undefined {
  if (target.dataDir.includes("memory:")) return undefined;
  mkdirSync(target.dataDir, { recursive: true });
  return target.dataDir;
}
