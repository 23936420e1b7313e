import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { pgliteDataDir, type DbTarget } from "./config";

/** The little raw SQL the app needs outside Prisma: migrations and locks. */
export interface SqlRunner {
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export function pgliteRunner(client: PGlite, ownsClient: boolean): SqlRunner {
  return {
    exec: async (sql) => {
      await client.exec(sql);
    },
    query: async <T,>(sql: string, params: unknown[] = []) => (await client.query<T>(sql, params)).rows,
    close: async () => {
      if (ownsClient) await client.close();
    },
  };
}

export async function postgresRunner(url: string): Promise<SqlRunner> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    exec: async (sql) => {
      await client.query(sql);
    },
    query: async <T,>(sql: string, params: unknown[] = []) =>
      (await client.query(sql, params)).rows as T[],
    close: () => client.end(),
  };
}

export async function openRunner(target: DbTarget): Promise<SqlRunner> {
  if (target.kind === "postgres") return postgresRunner(target.url);
  const client = await PGlite.create(pgliteDataDir(target));
  return pgliteRunner(client, true);
}
