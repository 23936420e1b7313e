// npm run audit:verify — checks the hash chain of the audit log. Exit code 0: intact;
// 1: broken (the first event where it shows is named); 2: the check could not run.
// Read-only: it neither migrates nor seeds, so it can run against a live database.
import { verifyChain } from "@/lib/audit/verify-chain";
import { closeDb, db } from "@/lib/db";

let code = 2;
try {
  const report = await verifyChain(db);
  if (report.ok) {
    console.log(`audit chain intact: ${report.events} events, head ${report.head}`);
    code = 0;
  } else {
    console.log(`audit chain broken at event ${report.seq}: ${report.problem}`);
    console.log(`(the ${report.events} events before it are intact)`);
    code = 1;
  }
} catch (error) {
  console.error(`audit verify failed: ${(error instanceof Error ? error.message : String(error)).trim()}`);
} finally {
  await closeDb();
}
process.exit(code);
