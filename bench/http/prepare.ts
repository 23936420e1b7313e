/**
 * Run by bench/http/index.ts in its own process, against the DATABASE_URL it is given:
 * empties that database (its name must contain "test"), migrates and seeds it, and sets up
 * one review-stage communiqué per length asked for. Writes their ids to the JSON file named
 * by the first argument.
 *
 *   node --import tsx bench/http/prepare.ts out.json 60 10 200
 */
import { writeFileSync } from "node:fs";
import { closeDb } from "@/lib/db";
import { dbTarget } from "@/lib/db/config";
import { prepareDatabase } from "@/lib/db/prepare";
import { deliveriesSettled } from "@/lib/mail/deliver";
import { KRAVCHUK } from "@/lib/testing/approval-fixtures";
import { resetPostgresForTests } from "@/lib/testing/reset-postgres";
import { actorFor, SECRETARIAT } from "@/lib/testing/test-db";
import { reviewCommunique, type ReviewCommunique } from "@/lib/testing/review-fixture";

const [out, ...lengths] = process.argv.slice(2);
if (!out || lengths.length === 0) throw new Error("usage: prepare.ts <out.json> <clauses>…");
if (dbTarget().kind !== "postgres") throw new Error("The HTTP benchmark runs on PostgreSQL: set DATABASE_URL");

// Without an SMTP server every queued mail logs a line; the benchmark's output need not show them.
console.info = () => {};
try {
  await resetPostgresForTests();
  await prepareDatabase({ seed: true });
  const secretariat = await actorFor(SECRETARIAT);
  const head = await actorFor(KRAVCHUK);
  const made: Record<string, ReviewCommunique> = {};
  for (const n of lengths) made[n] = await reviewCommunique(Number(n), secretariat, head);
  await deliveriesSettled();
  writeFileSync(out, JSON.stringify(made));
} finally {
  await closeDb();
}
