// npm run db:seed — migrates, then seeds the XXVII meeting if the database is empty.
import { closeDb, prepareDatabase } from "@/lib/db/prepare";

try {
  const { seeded } = await prepareDatabase({ seed: true });
  console.log(seeded ? "seeded the XXVII meeting and demo accounts" : "database already holds data: nothing seeded");
} finally {
  await closeDb();
}
