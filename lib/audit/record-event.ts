import type { Tx } from "@/lib/db";
import type { AuditAction, AuditEvents, SubjectOf } from "./audit-events";
import { eventHash, GENESIS_HASH } from "./event-hash";

// Serialises writers of the chain inside their transactions (released at commit).
const AUDIT_CHAIN_LOCK = 72_271_901;

export interface AuditInput<A extends AuditAction> {
  actorUserId: string | null;
  action: A;
  subjectType: SubjectOf<A>;
  subjectId: string;
  data: AuditEvents[A];
}

/** Appends an event to the hash chain. Call it inside the transaction that makes the change. */
export async function recordEvent<A extends AuditAction>(tx: Tx, input: AuditInput<A>): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  const at = new Date();
  const content = {
    at: at.toISOString(),
    actorUserId: input.actorUserId,
    action: input.action,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    // Hashed as it will read back from the database: fields left undefined are dropped.
    data: JSON.parse(JSON.stringify(input.data)) as unknown,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await tx.auditEvent.create({
    data: { ...content, at, data: content.data as object, hash: eventHash(content) },
  });
}
