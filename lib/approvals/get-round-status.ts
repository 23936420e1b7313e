import type { Actor } from "@/lib/auth/actor";
import { loadCommunique } from "@/lib/communiques/load-communique";
import { commentAnchor } from "@/lib/comments/comment-anchor";
import { commentThreads } from "@/lib/comments/comment-threads";
import { db } from "@/lib/db";
import { revisionContent } from "@/lib/revisions/revision-content";
import { signingProgress } from "@/lib/signatures/signing-progress";
import { currentRound } from "./current-round";
import { TIMELINE_ACTIONS, timelineEvents } from "./timeline";

/**
 * The status board: per head of the latest round, their decision, when, and the comment; while
 * signing is open, who has signed and why the final PDF failed, if it did; every comment
 * thread with its text and where it sits; the timeline.
 */
export async function getRoundStatus(actor: Actor | null, communiqueId: string) {
  const communique = await loadCommunique(actor, communiqueId, "approval.status");
  const round = await currentRound(db, communiqueId, { latest: true });
  const steps =
    round?.steps.map((s) => ({
      position: s.position,
      heads: s.members.map((m) => {
        const decision = round.decisions.find((d) => d.delegationId === m.delegationId && d.revisionId === round.revisionId);
        return {
          delegationId: m.delegationId,
          city: { ru: m.delegation.city.nameRu, ja: m.delegation.city.nameJa },
          head: { ru: m.delegation.head.nameRu, ja: m.delegation.head.nameJa },
          deputy: m.delegation.deputy ? { ru: m.delegation.deputy.nameRu, ja: m.delegation.deputy.nameJa } : null,
          state: decision ? decision.decision : "PENDING",
          at: decision?.createdAt ?? null,
          by: decision ? decision.actor.displayName : null,
          comment: decision?.comment ?? null,
        };
      }),
    })) ?? [];
  const timeline = await db.auditEvent.findMany({
    where: { subjectType: "Communique", subjectId: communiqueId, action: { in: [...TIMELINE_ACTIONS] } },
    orderBy: { seq: "asc" },
    select: { seq: true, at: true, action: true, actorUserId: true, data: true },
  });
  const actors = await db.user.findMany({ where: { id: { in: timeline.map((e) => e.actorUserId).filter((x): x is string => !!x) } }, select: { id: true, displayName: true } });
  const name = new Map(actors.map((a) => [a.id, a.displayName]));
  const threads = await commentThreads(db, communiqueId);
  // A comment is placed in the revision it was written on: clause numbers move between revisions.
  const contents = new Map(
    await Promise.all([...new Set(threads.map((t) => t.revisionId))].map(async (id) => [id, await revisionContent(db, id)] as const)),
  );
  const bodies = new Map(threads.flatMap((t) => [[t.id, t.body] as const, ...t.replies.map((r) => [r.id, r.body] as const)]));
  return {
    communique,
    round: round ? { id: round.id, open: !round.closedAt, revision: { number: round.revision.number, hash: round.revision.hash }, openedAt: round.openedAt, remindedAt: round.remindedAt } : null,
    steps,
    signing: await signingProgress(communique),
    comments: threads.map((t) => ({ ...t, anchor: commentAnchor(contents.get(t.revisionId)!, t.blockId) })),
    timeline: timelineEvents(timeline).map((e) => ({
      seq: String(e.seq),
      at: e.at,
      action: e.action,
      actor: e.actorUserId ? (name.get(e.actorUserId) ?? "—") : null,
      /** What a comment said, so that the timeline is readable on its own. */
      text: e.action === "comment.added" ? (bodies.get(e.data.comment) ?? null) : null,
    })),
  };
}
