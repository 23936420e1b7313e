import { db } from "@/lib/db";

/** The latest messages of the outbox, newest first, for the secretariat's outbox page. */
export function listOutbox(limit = 50) {
  const take = Math.min(Math.max(Math.trunc(limit) || 1, 1), 500);
  return db.outboxMail.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
}

export type OutboxRow = Awaited<ReturnType<typeof listOutbox>>[number];
