/**
 * For the finalisation test on PostgreSQL, run in a process of its own that the test then
 * kills: finalises a communiqué but stops just before storing the document, with its
 * transaction (and the communiqué's row lock) open, prints "ready" and waits 30 s.
 *
 *   node --import tsx lib/testing/finalise-and-hang.ts <communiqueId>
 */
import { finaliseCommunique } from "@/lib/signatures/finalise";

const communiqueId = process.argv[2];
if (!communiqueId) {
  console.error("usage: finalise-and-hang.ts <communiqueId>");
  process.exit(2);
}

const outcome = await finaliseCommunique(communiqueId, {
  beforeStore: async () => {
    console.log("ready");
    await new Promise((resolve) => setTimeout(resolve, 30_000));
  },
});
console.log(`stored ${JSON.stringify(outcome)}`);
process.exit(0);
