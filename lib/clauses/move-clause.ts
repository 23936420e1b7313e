import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/fields";
import { communiqueOfClause, editCommunique, liveClauses, renumber } from "./editable";

const moveInput = z.object({ clauseId: z.string().min(1), toIndex: z.coerce.number().int().min(0) });

/** Moves a clause to another place among the live clauses (drag and drop, or the keyboard). */
export async function moveClause(actor: Actor | null, input: unknown) {
  const { clauseId, toIndex } = parseInput(moveInput, input);
  const communiqueId = await communiqueOfClause(actor, clauseId);
  await editCommunique(actor, communiqueId, async (tx, who) => {
    const order = (await liveClauses(tx, communiqueId)).map((c) => c.id);
    const from = order.indexOf(clauseId);
    if (from < 0) throw new AppError("NOT_FOUND");
    const to = Math.min(toIndex, order.length - 1);
    if (from === to) return;
    order.splice(from, 1);
    order.splice(to, 0, clauseId);
    await renumber(tx, order);
    await recordEvent(tx, { actorUserId: who.userId, action: "clause.moved", subjectType: "Communique", subjectId: communiqueId, data: { clause: clauseId, from, to } });
  });
}
