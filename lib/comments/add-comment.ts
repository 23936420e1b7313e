import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { loadCommunique, lockCommunique } from "@/lib/communiques/load-communique";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { RevisionPayload } from "@/lib/revisions/revision-payload";
import { normalizeParagraph } from "@/lib/text/normalize";
import { parseInput } from "@/lib/validation/fields";
import { nextState } from "@/lib/workflow/assert-allowed";

const commentInput = z.object({
  communiqueId: z.string().min(1),
  revisionId: z.string().min(1),
  blockId: z.string().min(1).max(100),
  lang: z.enum(["ru", "ja"]),
  body: z.string().transform(normalizeParagraph).pipe(z.string().min(1, { message: "required" }).max(4000, { message: "tooLong" })),
  parentId: z.string().optional(),
});

/**
 * A comment anchored to one block of a revision in one language, or a reply in a thread. A reply
 * joins the thread of the comment it answers, takes its anchor, and opens the thread again if
 * the secretariat had resolved it: the conversation is not over. Once every head has approved
 * the text, the comments are read-only (the workflow has no COMMENT from then on).
 */
export async function addComment(actor: Actor | null, input: unknown) {
  const parsed = parseInput(commentInput, input);
  const { communiqueId, body } = parsed;
  const communique = await loadCommunique(actor, communiqueId, "comment.add");
  nextState(communique.status, "COMMENT");
  const thread = parsed.parentId ? await threadOf(communiqueId, parsed.parentId) : null;
  const { revisionId, blockId, lang } = thread ?? parsed;
  const parentId = thread?.id;
  const revision = await db.revision.findFirst({ where: { id: revisionId, communiqueId }, select: { content: true } });
  if (!revision) throw new AppError("NOT_FOUND");
  const blocks = (revision.content as unknown as RevisionPayload).content.blocks;
  if (!blocks.some((b) => b.id === blockId)) throw new AppError("VALIDATION", {}, { blockId: "invalid" });
  return db.$transaction(async (tx) => {
    // Again under the row lock: the last approval may have come in meanwhile.
    nextState(await lockCommunique(tx, communiqueId), "COMMENT");
    const comment = await tx.comment.create({
      data: { communiqueId, revisionId, blockId, lang, body, authorId: actor!.userId, parentId: parentId ?? null },
    });
    const reopened = thread?.resolvedAt ? (await tx.comment.updateMany({ where: { id: thread.id, resolvedAt: { not: null } }, data: { resolvedAt: null, resolvedById: null } })).count > 0 : false;
    await recordEvent(tx, {
      actorUserId: actor!.userId,
      action: "comment.added",
      subjectType: "Communique",
      subjectId: communiqueId,
      data: { comment: comment.id, revisionId, blockId, lang, reply: Boolean(parentId), ...(reopened ? { reopened: thread!.id } : {}) },
    });
    return { id: comment.id };
  });
}

/** The first comment of the thread `commentId` belongs to. */
async function threadOf(communiqueId: string, commentId: string) {
  const select = { id: true, parentId: true, revisionId: true, blockId: true, lang: true, resolvedAt: true } as const;
  let comment = await db.comment.findFirst({ where: { id: commentId, communiqueId }, select });
  // Threads are one level deep; older replies to replies are walked up to their first comment.
  for (let hops = 0; comment?.parentId && hops < 100; hops++) comment = await db.comment.findFirst({ where: { id: comment.parentId, communiqueId }, select });
  if (!comment || comment.parentId) throw new AppError("NOT_FOUND");
  return { ...comment, lang: comment.lang as "ru" | "ja" };
}
