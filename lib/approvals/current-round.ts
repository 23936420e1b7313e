import type { Tx } from "@/lib/db";

/**
 * The open round of a communiqué (or, with `latest`, the newest round even if closed) with its
 * revision (without its content), steps and the decisions on that revision.
 */
export async function currentRound(tx: Tx, communiqueId: string, options: { latest?: boolean } = {}) {
  const round = await tx.approvalRound.findFirst({
    where: { communiqueId, ...(options.latest ? {} : { closedAt: null }) },
    orderBy: { openedAt: "desc" },
    include: {
      // The content, when needed, comes from revisionContent(): a revision never changes.
      revision: { select: { id: true, number: true, hash: true } },
      steps: { orderBy: { position: "asc" }, include: { members: { include: { delegation: { include: { city: true, head: true, deputy: true } } } } } },
      decisions: { orderBy: { createdAt: "asc" }, include: { actor: { select: { displayName: true } }, onBehalfOf: true } },
    },
  });
  if (!round) return null;
  const decisions = round.decisions.filter((d) => d.revisionId === round.revisionId);
  const approved = new Set(decisions.filter((d) => d.decision === "APPROVED").map((d) => d.delegationId));
  // The active step: the first one not fully approved.
  const activeIndex = round.steps.findIndex((s) => s.members.some((m) => !approved.has(m.delegationId)));
  return { ...round, decisions, activeIndex, activeStep: activeIndex >= 0 ? round.steps[activeIndex]! : null };
}

export type CurrentRound = NonNullable<Awaited<ReturnType<typeof currentRound>>>;
