import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import { meetingsOfPerson } from "@/lib/meetings/meeting-people";
import { getSigning } from "@/lib/signatures/get-signing";
import { allows, STATES } from "@/lib/workflow/communique-workflow";
import { getReview } from "./get-review";

export interface Task {
  kind: "approve" | "sign";
  communiqueId: string;
  meeting: { ordinal: string; number: number };
  /** Set when the actor decides as the named deputy of this head. */
  forHead?: { ru: string; ja: string };
}

// The states where a head's decision or a signature is what the communiqué waits for.
const DECIDING = STATES.filter((s) => allows(s, "APPROVE_ALL"));
const SIGNING = STATES.filter((s) => allows(s, "ALL_SIGNED"));

/**
 * What waits for this person, for their home page: communiqués to approve now (their step of
 * the route is open and they have not decided) and to sign (they have not signed yet).
 */
export async function waitingForMe(actor: Actor | null): Promise<Task[]> {
  assertCan(actor, "meeting.list");
  if (!actor.personId) return [];
  const communiques = await db.communique.findMany({
    where: { status: { in: [...DECIDING, ...SIGNING] }, meeting: meetingsOfPerson(actor.personId) },
    orderBy: { updatedAt: "desc" },
    select: { id: true, status: true, meeting: { select: { ordinal: true, number: true } } },
  });
  const tasks: Task[] = [];
  for (const c of communiques) {
    if (DECIDING.includes(c.status)) {
      const { canDecide } = await getReview(actor, c.id);
      if (canDecide) tasks.push({ kind: "approve", communiqueId: c.id, meeting: c.meeting, ...(canDecide.asDeputy ? { forHead: canDecide.head } : {}) });
    } else if ((await getSigning(actor, c.id)).mine.some((s) => !s.signed)) {
      tasks.push({ kind: "sign", communiqueId: c.id, meeting: c.meeting });
    }
  }
  return tasks;
}
