import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/authz";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { loadCommunique, lockCommunique } from "@/lib/communiques/load-communique";
import { SERIAL_TX } from "@/lib/db/serial-tx";
import { nextState } from "@/lib/workflow/assert-allowed";

/**
 * Runs an edit of a communiqué in one transaction: the actor may edit it, its state allows
 * editing, and no other edit of the same communiqué runs at the same time.
 */
export async function editCommunique<T>(
  actor: Actor | null,
  communiqueId: string,
  edit: (tx: Tx, actor: Actor) => Promise<T>,
): Promise<T> {
  await loadCommunique(actor, communiqueId, "communique.edit");
  const who = actor as Actor;
  return db.$transaction(async (tx) => {
    nextState(await lockCommunique(tx, communiqueId), "EDIT");
    const result = await edit(tx, who);
    await tx.communique.update({ where: { id: communiqueId }, data: { updatedAt: new Date() } });
    return result;
  }, SERIAL_TX);
}

/** The communiqué a clause belongs to (for the permission check), or NOT_FOUND — to signed-in users only. */
export async function communiqueOfClause(actor: Actor | null, clauseId: string): Promise<string> {
  assertCan(actor, "meeting.list");
  const clause = await db.clause.findUnique({ where: { id: clauseId }, select: { communiqueId: true } });
  if (!clause) throw new AppError("NOT_FOUND");
  return clause.communiqueId;
}

/** The live (not deleted) clauses of a communiqué in order. */
export function liveClauses(tx: Tx, communiqueId: string) {
  return tx.clause.findMany({ where: { communiqueId, deletedAt: null }, orderBy: { position: "asc" } });
}

/** Writes positions 0…n-1 in the given order. */
export async function renumber(tx: Tx, ids: string[]) {
  for (const [position, id] of ids.entries()) await tx.clause.update({ where: { id }, data: { position } });
}
