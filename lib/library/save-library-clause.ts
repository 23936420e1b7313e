import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { assertCan } from "@/lib/authz";
import { cleanClauseText } from "@/lib/clauses/clause-text";
import { db } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/fields";

const clauseInput = z.object({
  id: z.string().trim().optional().transform((v) => v || null),
  topicId: z.string().trim().optional().transform((v) => v || null),
  textRu: z.unknown(),
  textJa: z.unknown(),
});

/** A text of a library clause, cleaned and checked as the editor does; a refusal names its language's field. */
function cleanText(raw: unknown, field: "textRu" | "textJa"): string {
  try {
    return cleanClauseText(raw);
  } catch (error) {
    if (isAppError(error) && error.code === "VALIDATION") {
      throw new AppError("VALIDATION", error.params, { [field]: Object.values(error.fieldErrors)[0] ?? "invalid" });
    }
    throw error;
  }
}

/**
 * Adds a clause to the library, or edits one, in both languages under a topic. Drafts that
 * took the clause keep their own copy: editing the library changes what is offered from now on.
 */
export async function saveLibraryClause(actor: Actor | null, input: unknown): Promise<{ id: string }> {
  assertCan(actor, "library.edit");
  const { id, topicId, ...raw } = parseInput(clauseInput, input);
  const textRu = cleanText(raw.textRu, "textRu");
  const textJa = cleanText(raw.textJa, "textJa");
  return db.$transaction(async (tx) => {
    if (topicId) {
      const topic = await tx.agendaTopic.findUnique({ where: { id: topicId } });
      if (!topic || topic.retiredAt) throw new AppError("VALIDATION", {}, { topicId: "invalid" });
    }
    if (id && !(await tx.libraryClause.findUnique({ where: { id } }))) throw new AppError("NOT_FOUND");
    const data = { topicId, textRu, textJa };
    const saved = id ? await tx.libraryClause.update({ where: { id }, data }) : await tx.libraryClause.create({ data });
    await recordEvent(tx, {
      actorUserId: actor.userId,
      action: id ? "library.clause-updated" : "library.clause-created",
      subjectType: "LibraryClause",
      subjectId: saved.id,
      data: { topicId },
    });
    return { id: saved.id };
  });
}
