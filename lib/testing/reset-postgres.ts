import { dbTarget } from "@/lib/db/config";
import { postgresRunner } from "@/lib/db/sql";

/**
 * Empties the PostgreSQL database named by DATABASE_URL before a test run. Refuses unless
 * the database's name says it is for tests (or ALLOW_TEST_RESET=1): tests must never wipe
 * a real database by accident.
 */
export async function resetPostgresForTests(): Promise<void> {
  const target = dbTarget();
  if (target.kind !== "postgres") return;
  const name = new URL(target.url).pathname.slice(1);
  if (!/test/i.test(name) && process.env.ALLOW_TEST_RESET !== "1") {
    throw new Error(`Refusing to reset database "${name}": its name does not contain "test" (set ALLOW_TEST_RESET=1)`);
  }
  const sql = await postgresRunner(target.url);
  try {
    await sql.exec("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  } finally {
    await sql.close();
  }
}
