import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/fields";
import { entryKindInput } from "./entry-input";
import { entryTable, findClashes, SUBJECT_TYPE } from "./entry-table";

const retireInput = z.object({
  kind: entryKindInput,
  id: z.string().min(1),
  retired: z.enum(["true", "false"], { message: "invalid" }).transform((v) => v === "true"),
});

/**
 * Retires a directory entry, or brings it back. Nothing is deleted: meetings and documents
 * that name a retired city or person keep it, and only the pickers for new choices hide it.
 */
export async function setRetired(actor: Actor | null, input: unknown): Promise<void> {
  assertCan(actor, "directory.edit");
  const { kind, id, retired } = parseInput(retireInput, input);
  await db.$transaction(async (tx) => {
    const table = entryTable(tx, kind);
    const entry = await table.findUnique({ where: { id } });
    if (!entry) throw new AppError("NOT_FOUND");
    if ((entry.retiredAt !== null) === retired) return;
    // Brought back beside a newer entry of the same name, it would make the two indistinguishable.
    if (!retired && Object.keys(await findClashes(tx, kind, entry, id)).length > 0) throw new AppError("DUPLICATE_ENTRY");
    await table.update({ where: { id }, data: { retiredAt: retired ? new Date() : null } });
    await recordEvent(tx, {
      actorUserId: actor.userId,
      action: `${kind}.${retired ? "retired" : "restored"}`,
      subjectType: SUBJECT_TYPE[kind],
      subjectId: id,
      data: {},
    });
  });
}
