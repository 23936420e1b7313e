import type { Actor } from "@/lib/auth/actor";
import { assertCan, can } from "@/lib/authz";
import { db } from "@/lib/db";
import { meetingsOfPerson } from "@/lib/meetings/meeting-people";
import { countingSignatures } from "@/lib/signatures/counting-signatures";
import { allows, STATES } from "@/lib/workflow/communique-workflow";
import { currentRound } from "./current-round";
import { turnOf } from "./turn-of";

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
 * the route is open and they have not decided) and to sign (they have not signed yet). Only the
 * routes and signature rows are read, never a revision's content: this runs on every home page.
 */
export async function waitingForMe(actor: Actor | null): Promise<Task[]> {
  assertCan(actor, "meeting.list");
  const personId = actor.personId;
  if (!personId) return [];
  const communiques = await db.communique.findMany({
    where: { status: { in: [...DECIDING, ...SIGNING] }, meeting: meetingsOfPerson(personId) },
    orderBy: { updatedAt: "desc" },
    select: { id: true, status: true, meetingId: true, approvedRevisionId: true, signingRound: true, meeting: { select: { ordinal: true, number: true } } },
  });
  // The communiqués come from the meetings this person takes part in.
  const takesPart = { meetingPeople: new Set([personId]) };
  const tasks: Task[] = [];
  for (const c of communiques) {
    if (DECIDING.includes(c.status)) {
      const { active } = turnOf(await currentRound(db, c.id), personId);
      if (active && can(actor, "approval.decide", takesPart)) {
        const asDeputy = active.delegation.headPersonId !== personId;
        const head = { ru: active.delegation.head.nameRu, ja: active.delegation.head.nameJa };
        tasks.push({ kind: "approve", communiqueId: c.id, meeting: c.meeting, ...(asDeputy ? { forHead: head } : {}) });
      }
    } else if (c.approvedRevisionId && can(actor, "signing.sign", takesPart)) {
      const unsigned = await db.signatory.count({ where: { meetingId: c.meetingId, personId, signatures: { none: countingSignatures(c.id, c.signingRound) } } });
      if (unsigned > 0) tasks.push({ kind: "sign", communiqueId: c.id, meeting: c.meeting });
    }
  }
  return tasks;
}
