import { dbTarget } from "@/lib/db/config";
import { postgresRunner } from "@/lib/db/sql";

/**
 * Empties the PostgreSQL database named by DATABASE_URL before a test run, creating it first
 * when the server has no such database yet. Refuses unless the database's name says it is for
 * tests (or ALLOW_TEST_RESET=1): tests must never wipe a real database by accident.
 */
export async function resetPostgresForTests(): Promise<void> {
  const target = dbTarget();
  if (target.kind !== "postgres") return;
  const name = new URL(target.url).pathname.slice(1);
  if (!/test/i.test(name) && process.env.ALLOW_TEST_RESET !== "1") {
    throw new Error(`Refusing to reset database "${name}": its name does not contain "test" (set ALLOW_TEST_RESET=1)`);
  }
  const sql = await postgresRunner(target.url).catch(async (error: unknown) => {
    if ((error as { code?: string }).code !== "3D000") throw error; // 3D000: no such database
    await createDatabase(target.url, name);
    return postgresRunner(target.url);
  });
  try {
    await sql.exec("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  } finally {
    await sql.close();
  }
}

/** CREATE DATABASE `name`, through the server's maintenance database "postgres". */
async function createDatabase(url: string, name: string): Promise<void> {
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const sql = await postgresRunner(maintenance.toString());
  try {
    await sql.exec(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } catch (error) {
    // Another run created it meanwhile (42P04: duplicate database).
    if ((error as { code?: string }).code !== "42P04") throw error;
  } finally {
    await sql.close();
  }
}
