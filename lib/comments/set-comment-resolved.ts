import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { loadCommunique } from "@/lib/communiques/load-communique";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/fields";

const resolveInput = z.object({
  communiqueId: z.string().min(1),
  commentId: z.string().min(1),
  resolved: z.boolean(),
});

/**
 * The secretariat marks a thread as answered by the text (or opens it again). Only a thread's
 * first comment carries the mark; asking for the state it already has changes nothing.
 */
export async function setCommentResolved(actor: Actor | null, input: unknown) {
  const { communiqueId, commentId, resolved } = parseInput(resolveInput, input);
  await loadCommunique(actor, communiqueId, "comment.resolve");
  const comment = await db.comment.findFirst({ where: { id: commentId, communiqueId }, select: { parentId: true } });
  if (!comment) throw new AppError("NOT_FOUND");
  if (comment.parentId) throw new AppError("VALIDATION", {}, { commentId: "invalid" });
  return db.$transaction(async (tx) => {
    const { count } = await tx.comment.updateMany({
      where: { id: commentId, resolvedAt: resolved ? null : { not: null } },
      data: resolved ? { resolvedAt: new Date(), resolvedById: actor!.userId } : { resolvedAt: null, resolvedById: null },
    });
    if (count === 0) return { resolved, changed: false };
    await recordEvent(tx, {
      actorUserId: actor!.userId,
      action: resolved ? "comment.resolved" : "comment.reopened",
      subjectType: "Communique",
      subjectId: communiqueId,
      data: { comment: commentId },
    });
    return { resolved, changed: true };
  });
}
