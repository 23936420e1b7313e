// Applies migrations and seeds an empty database. `npm start` runs it before the server.
import { closeDb, prepareDatabase } from "@/lib/db/prepare";

const seed = !process.argv.includes("--no-seed");
try {
  const { applied, seeded } = await prepareDatabase({ seed });
  console.log(
    `database: ${applied.length ? `applied ${applied.join(", ")}` : "migrations up to date"}${seeded ? "; seeded the XXVII meeting and demo accounts" : ""}`,
  );
} finally {
  await closeDb();
}
