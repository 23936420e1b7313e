import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { loadCommunique } from "@/lib/communiques/load-communique";
import { parseInput } from "@/lib/validation/fields";

const saveInput = z.object({
  clauseId: z.string().min(1),
  topicId: z.string().trim().optional().transform((v) => v || null),
});

/** Saves a draft clause, in both languages, as a new library clause under a topic. */
export async function saveToLibrary(actor: Actor | null, input: unknown): Promise<{ id: string }> {
  assertCan(actor, "library.edit");
  const { clauseId, topicId } = parseInput(saveInput, input);
  const clause = await db.clause.findUnique({ where: { id: clauseId } });
  if (!clause || clause.deletedAt) throw new AppError("NOT_FOUND");
  await loadCommunique(actor, clause.communiqueId, "communique.view");
  if (!clause.textRu || !clause.textJa) throw new AppError("EMPTY_CLAUSES", { clauses: "—", count: 1 });
  // The library holds pairs that say the same thing: a flagged pair would come back as "in sync".
  if (clause.ruStale || clause.jaStale) throw new AppError("STALE_TRANSLATIONS", { clauses: "—", count: 1 });
  if (topicId && !(await db.agendaTopic.findUnique({ where: { id: topicId } }))) {
    throw new AppError("VALIDATION", {}, { topicId: "invalid" });
  }
  return db.$transaction(async (tx) => {
    const saved = await tx.libraryClause.create({ data: { topicId, textRu: clause.textRu, textJa: clause.textJa } });
    await recordEvent(tx, {
      actorUserId: actor.userId,
      action: "library.clause-saved",
      subjectType: "LibraryClause",
      subjectId: saved.id,
      data: { fromClause: clauseId, topicId },
    });
    return { id: saved.id };
  });
}
