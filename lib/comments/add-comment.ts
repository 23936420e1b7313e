import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { loadCommunique } from "@/lib/communiques/load-communique";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { RevisionPayload } from "@/lib/revisions/revision-payload";
import { normalizeParagraph } from "@/lib/text/normalize";
import { parseInput } from "@/lib/validation/fields";

const commentInput = z.object({
  communiqueId: z.string().min(1),
  revisionId: z.string().min(1),
  blockId: z.string().min(1).max(100),
  lang: z.enum(["ru", "ja"]),
  body: z.string().transform(normalizeParagraph).pipe(z.string().min(1, { message: "required" }).max(4000, { message: "tooLong" })),
  parentId: z.string().optional(),
});

/** A comment anchored to one block of a revision in one language, or a reply to another comment. */
export async function addComment(actor: Actor | null, input: unknown) {
  const { communiqueId, revisionId, blockId, lang, body, parentId } = parseInput(commentInput, input);
  await loadCommunique(actor, communiqueId, "comment.add");
  const revision = await db.revision.findFirst({ where: { id: revisionId, communiqueId }, select: { content: true } });
  if (!revision) throw new AppError("NOT_FOUND");
  const blocks = (revision.content as unknown as RevisionPayload).content.blocks;
  if (!blocks.some((b) => b.id === blockId)) throw new AppError("VALIDATION", {}, { blockId: "invalid" });
  if (parentId && !(await db.comment.findFirst({ where: { id: parentId, communiqueId } }))) throw new AppError("NOT_FOUND");
  return db.$transaction(async (tx) => {
    const comment = await tx.comment.create({
      data: { communiqueId, revisionId, blockId, lang, body, authorId: actor!.userId, parentId: parentId ?? null },
    });
    await recordEvent(tx, {
      actorUserId: actor!.userId,
      action: "comment.added",
      subjectType: "Communique",
      subjectId: communiqueId,
      data: { comment: comment.id, revisionId, blockId, lang, reply: Boolean(parentId) },
    });
    return { id: comment.id };
  });
}
