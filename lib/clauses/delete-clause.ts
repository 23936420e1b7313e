import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/fields";
import { communiqueOfClause, editCommunique, liveClauses, renumber } from "./editable";

const clauseInput = z.object({ clauseId: z.string().min(1) });

/** Removes a clause from the draft; it is kept (marked deleted) so that "undo" can restore it. */
export async function deleteClause(actor: Actor | null, input: unknown) {
  const { clauseId } = parseInput(clauseInput, input);
  const communiqueId = await communiqueOfClause(actor, clauseId);
  await editCommunique(actor, communiqueId, async (tx, who) => {
    const { count } = await tx.clause.updateMany({ where: { id: clauseId, deletedAt: null }, data: { deletedAt: new Date() } });
    if (count === 0) throw new AppError("NOT_FOUND");
    await renumber(tx, (await liveClauses(tx, communiqueId)).map((c) => c.id));
    await recordEvent(tx, { actorUserId: who.userId, action: "clause.deleted", subjectType: "Communique", subjectId: communiqueId, data: { clause: clauseId } });
  });
}

/** Undo of a delete: the clause returns at the place it had. */
export async function restoreClause(actor: Actor | null, input: unknown) {
  const { clauseId } = parseInput(clauseInput, input);
  const communiqueId = await communiqueOfClause(actor, clauseId);
  await editCommunique(actor, communiqueId, async (tx, who) => {
    const clause = await tx.clause.findUniqueOrThrow({ where: { id: clauseId } });
    if (!clause.deletedAt) return;
    const order = (await liveClauses(tx, communiqueId)).map((c) => c.id);
    order.splice(Math.min(clause.position, order.length), 0, clause.id);
    await tx.clause.update({ where: { id: clauseId }, data: { deletedAt: null } });
    await renumber(tx, order);
    await recordEvent(tx, { actorUserId: who.userId, action: "clause.restored", subjectType: "Communique", subjectId: communiqueId, data: { clause: clauseId } });
  });
}
