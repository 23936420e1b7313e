import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/fields";
import { ENTRY_INPUT, entryKindInput } from "./entry-input";
import { entryTable, findClashes, SUBJECT_TYPE } from "./entry-table";

const envelope = z.object({ kind: entryKindInput, id: z.string().trim().optional().transform((v) => v || null) }).passthrough();

/**
 * Creates a directory entry (a city, a person, an association or a topic), or edits one when
 * an id is given. Names must be unique among the entries in use of the same kind and side:
 * a second "Владивосток" would leave the secretariat guessing which one a meeting uses.
 */
export async function saveEntry(actor: Actor | null, input: unknown): Promise<{ id: string }> {
  assertCan(actor, "directory.edit");
  const { kind, id, ...rest } = parseInput(envelope, input);
  const fields = parseInput(ENTRY_INPUT[kind], rest);
  return db.$transaction(async (tx) => {
    const table = entryTable(tx, kind);
    if (id !== null && !(await table.findUnique({ where: { id } }))) throw new AppError("NOT_FOUND");
    const clashes = await findClashes(tx, kind, fields, id);
    if (Object.keys(clashes).length > 0) throw new AppError("VALIDATION", {}, clashes);
    const data = kind === "topic" && id === null ? { ...fields, key: `topic-${randomUUID()}` } : fields;
    const saved = id === null ? await table.create({ data }) : (await table.update({ where: { id }, data }), { id });
    await recordEvent(tx, {
      actorUserId: actor.userId,
      action: `${kind}.${id === null ? "created" : "updated"}`,
      subjectType: SUBJECT_TYPE[kind],
      subjectId: saved.id,
      data: fields,
    });
    return { id: saved.id };
  });
}
