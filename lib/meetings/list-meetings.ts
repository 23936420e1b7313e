import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import { meetingsOfPerson } from "./meeting-people";

/** The meetings the actor may see, newest first, with their communiqués. */
export async function listMeetings(actor: Actor | null) {
  assertCan(actor, "meeting.list");
  const where =
    actor.role === "DELEGATE" ? (actor.personId ? meetingsOfPerson(actor.personId) : { id: { in: [] } }) : {};
  return db.meeting.findMany({
    where,
    orderBy: { startDate: "desc" },
    select: {
      id: true,
      ordinal: true,
      number: true,
      nameRu: true,
      nameJa: true,
      startDate: true,
      endDate: true,
      hostCity: { select: { nameRu: true, nameJa: true } },
      _count: { select: { delegations: true, participants: true, signatories: true } },
      communiques: { select: { id: true, status: true, updatedAt: true }, orderBy: { createdAt: "asc" } },
    },
  });
}
