import type { Actor } from "@/lib/auth/actor";
import { loadCommunique } from "@/lib/communiques/load-communique";
import { db } from "@/lib/db";
import { currentRound } from "./current-round";

/** The status board: per head of the latest round, their decision, when, and the comment; the timeline. */
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
    where: { subjectType: "Communique", subjectId: communiqueId, action: { in: TIMELINE_ACTIONS } },
    orderBy: { seq: "asc" },
    select: { seq: true, at: true, action: true, actorUserId: true, data: true },
  });
  const actors = await db.user.findMany({ where: { id: { in: timeline.map((e) => e.actorUserId).filter((x): x is string => !!x) } }, select: { id: true, displayName: true } });
  const name = new Map(actors.map((a) => [a.id, a.displayName]));
  return {
    communique,
    round: round ? { id: round.id, open: !round.closedAt, revision: { number: round.revision.number, hash: round.revision.hash }, openedAt: round.openedAt, remindedAt: round.remindedAt } : null,
    steps,
    timeline: timeline.map((e) => ({ seq: String(e.seq), at: e.at, action: e.action, actor: e.actorUserId ? (name.get(e.actorUserId) ?? "—") : null })),
  };
}

const TIMELINE_ACTIONS = [
  "communique.created",
  "communique.submitted",
  "revision.created",
  "round.opened",
  "round.reminded",
  "approval.approved",
  "approval.changes-requested",
  "comment.added",
  "communique.approved",
  "signing.opened",
  "signature.recorded",
  "signing.declined",
  "communique.signed",
];
