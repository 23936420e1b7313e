import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { postgresRunner } from "@/lib/db/sql";
import { resetPostgresForTests } from "./reset-postgres";

// Benchmarks and the end-to-end server start from an empty database of their own; on a fresh
// machine it does not exist yet. Only meaningful against a PostgreSQL server.
const server = process.env.DATABASE_URL?.trim();

describe.skipIf(!server)("resetPostgresForTests", () => {
  const name = `communique_reset_test_${randomBytes(4).toString("hex")}`;
  const urlOf = (database: string) => {
    const url = new URL(server!);
    url.pathname = `/${database}`;
    return url.toString();
  };

  afterAll(async () => {
    vi.unstubAllEnvs();
    const sql = await postgresRunner(urlOf("postgres"));
    try {
      await sql.exec(`DROP DATABASE IF EXISTS "${name}"`);
    } finally {
      await sql.close();
    }
  });

  it("creates a missing test database, then empties it on the next run", async () => {
    vi.stubEnv("DATABASE_URL", urlOf(name));
    await resetPostgresForTests();
    const sql = await postgresRunner(urlOf(name));
    try {
      await sql.exec("CREATE TABLE left_over (id int)");
      await resetPostgresForTests();
      const tables = await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
      expect(tables[0]!.n).toBe(0);
    } finally {
      await sql.close();
    }
  });

  it("refuses a database whose name does not say it is for tests, and creates nothing", async () => {
    const other = `communique_${randomBytes(4).toString("hex")}`;
    vi.stubEnv("DATABASE_URL", urlOf(other));
    await expect(resetPostgresForTests()).rejects.toThrow(/does not contain "test"/);
    const sql = await postgresRunner(urlOf("postgres"));
    try {
      expect(await sql.query("SELECT 1 FROM pg_database WHERE datname = $1", [other])).toHaveLength(0);
    } finally {
      await sql.close();
    }
  });
});
