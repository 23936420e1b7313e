import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/fields";

const retireInput = z.object({
  id: z.string().min(1),
  retired: z.enum(["true", "false"], { message: "invalid" }).transform((v) => v === "true"),
});

/** Retires a library clause (the editor stops offering it; drafts that took it keep it), or brings it back. */
export async function setLibraryClauseRetired(actor: Actor | null, input: unknown): Promise<void> {
  assertCan(actor, "library.edit");
  const { id, retired } = parseInput(retireInput, input);
  await db.$transaction(async (tx) => {
    const clause = await tx.libraryClause.findUnique({ where: { id } });
    if (!clause) throw new AppError("NOT_FOUND");
    if ((clause.retiredAt !== null) === retired) return;
    await tx.libraryClause.update({ where: { id }, data: { retiredAt: retired ? new Date() : null } });
    await recordEvent(tx, {
      actorUserId: actor.userId,
      action: retired ? "library.clause-retired" : "library.clause-restored",
      subjectType: "LibraryClause",
      subjectId: id,
      data: {},
    });
  });
}
