import { seedDatabase } from "@/prisma/seed/seed";
import { closeDb, db, embeddedDatabase } from "./client";
import { dbTarget } from "./config";
import { migrate } from "./migrate";
import { pgliteRunner, postgresRunner, type SqlRunner } from "./sql";

/**
 * Brings the database up to date: applies pending migrations, then seeds the demo meeting
 * when the database is empty. Runs before the server starts (npm start) and in tests.
 */
export async function prepareDatabase(options: { seed: boolean } = { seed: true }) {
  const target = dbTarget();
  let runner: SqlRunner;
  if (target.kind === "postgres") runner = await postgresRunner(target.url);
  else {
    // Same process, same PGlite instance as the Prisma client: one owner of the data folder.
    const pglite = embeddedDatabase();
    if (!pglite) throw new Error("Embedded database is not open");
    runner = pgliteRunner(pglite, false);
  }
  try {
    const applied = await migrate(runner);
    const seeded = options.seed ? await seedDatabase(db) : false;
    return { applied, seeded };
  } finally {
    await runner.close();
  }
}

export { closeDb };
