import { recordEvent } from "@/lib/audit/record-event";
import type { CommuniqueContent } from "@/lib/communique/content";
import type { Tx } from "@/lib/db";
import { notify } from "./notify";
import { headsOf, type Recipient } from "./recipients";

/**
 * Opens an approval round for a revision: its steps, then mail to the heads of the first
 * step. Any open round of the communiqué is closed first — its decisions no longer count.
 */
export async function openRound(
  tx: Tx,
  args: {
    communiqueId: string;
    revisionId: string;
    steps: string[][];
    actorUserId: string;
    content: CommuniqueContent;
    /** Set when an earlier revision went round before: the heads are told what changed. */
    changed?: { count: number; lines: (locale: Recipient["locale"]) => string[]; revisionNumber: number };
  },
) {
  await tx.approvalRound.updateMany({ where: { communiqueId: args.communiqueId, closedAt: null }, data: { closedAt: new Date() } });
  const round = await tx.approvalRound.create({
    data: {
      communiqueId: args.communiqueId,
      revisionId: args.revisionId,
      steps: {
        create: args.steps.map((ids, position) => ({ position, members: { create: ids.map((delegationId) => ({ delegationId })) } })),
      },
    },
  });
  await recordEvent(tx, {
    actorUserId: args.actorUserId,
    action: "round.opened",
    subjectType: "Communique",
    subjectId: args.communiqueId,
    data: { round: round.id, revision: args.revisionId, steps: args.steps },
  });
  const first = args.steps[0] ?? [];
  const path = `/communiques/${args.communiqueId}/review`;
  if (args.changed) {
    const changed = args.changed;
    await notify(tx, await headsOf(tx, args.steps.flat()), "revision-changed", args.content, path, (r) => ({
      revisionNumber: changed.revisionNumber,
      changedClauses: changed.count,
      summary: changed.lines(r.locale),
    }));
  } else {
    await notify(tx, await headsOf(tx, first), "approval-requested", args.content, path, () =>
      args.steps.length > 1 ? { stepInfo: { step: 1, of: args.steps.length } } : {},
    );
  }
  return round;
}
