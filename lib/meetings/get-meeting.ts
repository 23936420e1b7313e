import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { meetingSubject } from "./meeting-people";

const person = { select: { id: true, nameRu: true, nameJa: true, side: true, email: true, user: { select: { active: true } } } } as const;

/** A meeting with its delegations, participants and signatories, for someone allowed to see it. */
export async function getMeeting(actor: Actor | null, meetingId: string) {
  const meeting = await db.meeting.findUnique({
    where: { id: meetingId },
    include: {
      hostCity: true,
      invitingAssociation: true,
      guestAssociation: true,
      delegations: { orderBy: [{ side: "asc" }, { position: "asc" }], include: { city: true, head: person, deputy: person } },
      participants: { orderBy: { position: "asc" }, include: { person, delegation: { include: { city: true } } } },
      signatories: { orderBy: { position: "asc" }, include: { person } },
      topics: { orderBy: { position: "asc" }, include: { topic: true } },
      communiques: { select: { id: true, status: true, updatedAt: true } },
    },
  });
  // Anonymous callers are refused before they learn whether the meeting exists.
  if (!meeting) {
    assertCan(actor, "meeting.list");
    throw new AppError("NOT_FOUND");
  }
  assertCan(actor, "meeting.view", meetingSubject(meeting));
  return meeting;
}

export type MeetingDetails = Awaited<ReturnType<typeof getMeeting>>;
