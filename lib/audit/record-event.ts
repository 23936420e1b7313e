import type { Tx } from "@/lib/db";
import { eventHash, GENESIS_HASH } from "./event-hash";

// Serialises writers of the chain inside their transactions (released at commit).
const AUDIT_CHAIN_LOCK = 72_271_901;

export interface AuditInput {
  actorUserId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  data?: Record<string, unknown>;
}

/** Appends an event to the hash chain. Call it inside the transaction that makes the change. */
export async function recordEvent(tx: Tx, input: AuditInput): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  const at = new Date();
  const content = {
    at: at.toISOString(),
    actorUserId: input.actorUserId,
    action: input.action,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    data: JSON.parse(JSON.stringify(input.data ?? {})) as unknown,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await tx.auditEvent.create({
    data: { ...content, at, data: content.data as object, hash: eventHash(content) },
  });
}
