import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/authz";
import { loadCommunique } from "@/lib/communiques/load-communique";
import { meetingSubject } from "@/lib/meetings/meeting-people";
import { db } from "@/lib/db";
import { compareRevisions, revisionContent } from "@/lib/revisions/revision-content";
import { allows } from "@/lib/workflow/communique-workflow";
import { currentRound } from "./current-round";
import { turnOf } from "./turn-of";

/**
 * What a head reads: the revision under approval, what changed since the revision they last
 * saw, the comments, and whether (and for which delegation) they can decide now.
 */
export async function getReview(actor: Actor | null, communiqueId: string) {
  const communique = await loadCommunique(actor, communiqueId, "communique.view");
  const subject = meetingSubject(communique.meeting, communique.id);
  const open = await currentRound(db, communiqueId);
  // A closed round (changes requested, or approved) still shows what this person decided.
  const round = open ?? (await currentRound(db, communiqueId, { latest: true }));
  const latest = round
    ? round.revision
    : await db.revision.findFirst({ where: { communiqueId }, orderBy: { number: "desc" }, select: { id: true, number: true, hash: true } });
  if (!latest) return { communique, round: null, revision: null, content: null, diff: null, comments: [], canDecide: null, decisions: [] };
  const seen = await db.reviewView.findUnique({
    where: { userId_communiqueId: { userId: actor!.userId, communiqueId } },
    include: { revision: { select: { number: true } } },
  });
  const [content, diff] = await Promise.all([
    revisionContent(db, latest.id),
    seen && seen.revisionId !== latest.id ? compareRevisions(db, seen.revisionId, latest.id).then((blocks) => ({ since: seen.revision.number, blocks })) : null,
  ]);
  const comments = await db.comment.findMany({
    where: { communiqueId },
    orderBy: { createdAt: "asc" },
    include: { author: { select: { displayName: true } }, revision: { select: { number: true } } },
  });
  const { mine, pending: pendingMine, active } = turnOf(round, actor!.personId);
  const mayComment = can(actor, "comment.add", subject);
  const commentsOpen = allows(communique.status, "COMMENT");
  return {
    communique,
    round,
    revision: { id: latest.id, number: latest.number, hash: latest.hash },
    content,
    diff,
    /** Already looked at this very revision (no diff to show, but not new to them either). */
    seenBefore: seen?.revisionId === latest.id,
    comments: comments.map((c) => ({ id: c.id, blockId: c.blockId, lang: c.lang, body: c.body, author: c.author.displayName, at: c.createdAt, parentId: c.parentId, revision: c.revision.number, resolved: c.resolvedAt !== null })),
    canDecide:
      active && can(actor, "approval.decide", subject) && communique.status === "IN_APPROVAL"
        ? {
            delegationId: active.delegation.id,
            asDeputy: active.delegation.headPersonId !== actor!.personId,
            head: { ru: active.delegation.head.nameRu, ja: active.delegation.head.nameJa },
          }
        : null,
    waitingForEarlierStep: !round?.closedAt && !active && pendingMine.length > 0,
    decisions: round?.decisions.filter((d) => mine.some((m) => m.delegation.id === d.delegationId)) ?? [],
    canComment: mayComment && commentsOpen,
    /** Someone who could comment is told why they no longer can: the text is approved (or cancelled). */
    commentsClosed: mayComment && !commentsOpen,
  };
}

export type ReviewView = Awaited<ReturnType<typeof getReview>>;
