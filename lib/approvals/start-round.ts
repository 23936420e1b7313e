import type { CommuniqueContent } from "@/lib/communique/content";
import type { Tx } from "@/lib/db";
import type { RevisionPayload } from "@/lib/revisions/revision-payload";
import { changeSummary } from "./change-summary";
import { openRound } from "./open-round";
import { resolveRoute, type RouteInput } from "./route";

/**
 * Sends a frozen revision round: with the route given, or else the previous round's route
 * (or everyone in parallel the first time). After an earlier round the heads are told what
 * changed since the revision they were sent.
 */
export async function startRound(
  tx: Tx,
  args: { communiqueId: string; meetingId: string; revision: { id: string; number: number }; content: CommuniqueContent; actorUserId: string; route?: RouteInput },
) {
  const previous = await tx.approvalRound.findFirst({
    where: { communiqueId: args.communiqueId },
    orderBy: { openedAt: "desc" },
    include: { revision: true, steps: { orderBy: { position: "asc" }, include: { members: true } } },
  });
  const steps =
    args.route?.steps && Object.keys(args.route.steps).length
      ? await resolveRoute(tx, args.meetingId, args.route)
      : previous
        ? previous.steps.map((s) => s.members.map((m) => m.delegationId))
        : await resolveRoute(tx, args.meetingId, undefined);
  const changed =
    previous && previous.revisionId !== args.revision.id
      ? { ...changeSummary((previous.revision.content as unknown as RevisionPayload).content, args.content), revisionNumber: args.revision.number }
      : undefined;
  return openRound(tx, { communiqueId: args.communiqueId, revisionId: args.revision.id, steps, actorUserId: args.actorUserId, content: args.content, changed });
}
