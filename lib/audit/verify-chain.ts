import type { Db } from "@/lib/db";
import { eventHash, GENESIS_HASH } from "./event-hash";

export type ChainReport =
  | { ok: true; events: number; head: string }
  | { ok: false; events: number; seq: string; problem: "EDITED" | "BROKEN_LINK" };

/**
 * Walks the chain in order. An edited event no longer matches its own hash; an inserted or
 * deleted one breaks the link to its neighbour. Reports the first event where either shows.
 */
export async function verifyChain(db: Db, batch = 1000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let count = 0;
  let cursor: bigint | undefined;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: cursor === undefined ? {} : { seq: { gt: cursor } },
      orderBy: { seq: "asc" },
      take: batch,
    });
    for (const row of rows) {
      const content = {
        at: row.at.toISOString(),
        actorUserId: row.actorUserId,
        action: row.action,
        subjectType: row.subjectType,
        subjectId: row.subjectId,
        data: row.data,
        prevHash: row.prevHash,
      };
      if (eventHash(content) !== row.hash) return { ok: false, events: count, seq: String(row.seq), problem: "EDITED" };
      if (row.prevHash !== prevHash) return { ok: false, events: count, seq: String(row.seq), problem: "BROKEN_LINK" };
      prevHash = row.hash;
      count += 1;
      cursor = row.seq;
    }
    if (rows.length < batch) return { ok: true, events: count, head: prevHash };
  }
}
