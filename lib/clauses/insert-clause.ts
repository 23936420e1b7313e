import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { AppError } from "@/lib/errors/app-error";
import { sha256Hex } from "@/lib/hash/canonical";
import { parseInput } from "@/lib/validation/fields";
import { editCommunique, liveClauses, renumber } from "./editable";

const insertInput = z.object({
  communiqueId: z.string().min(1),
  /** Index among the live clauses; past the end means "at the end". */
  position: z.coerce.number().int().min(0),
  libraryClauseId: z.string().min(1).optional(),
});

/** Inserts a clause from the library (both languages, in sync) or an empty one at a position. */
export async function insertClause(actor: Actor | null, input: unknown): Promise<{ id: string }> {
  const { communiqueId, position, libraryClauseId } = parseInput(insertInput, input);
  return editCommunique(actor, communiqueId, async (tx, who) => {
    const source = libraryClauseId ? await tx.libraryClause.findUnique({ where: { id: libraryClauseId } }) : null;
    // A retired clause is no longer offered: a request for it is answered as for one that never was.
    if (libraryClauseId && (!source || source.retiredAt)) throw new AppError("NOT_FOUND");
    const order = (await liveClauses(tx, communiqueId)).map((c) => c.id);
    const at = Math.min(position, order.length);
    const clause = await tx.clause.create({
      data: {
        communiqueId,
        position: at,
        textRu: source?.textRu ?? "",
        textJa: source?.textJa ?? "",
        libraryClauseId: source?.id ?? null,
      },
    });
    order.splice(at, 0, clause.id);
    await renumber(tx, order);
    await recordEvent(tx, {
      actorUserId: who.userId,
      action: "clause.inserted",
      subjectType: "Communique",
      subjectId: communiqueId,
      data: { clause: clause.id, position: at, fromLibrary: source?.id ?? null, after: sha256Hex(`${clause.textRu}\n${clause.textJa}`) },
    });
    return { id: clause.id };
  });
}
