import type { MeetingSubject } from "@/lib/authz";

interface WithPeople {
  delegations: { headPersonId: string; deputyPersonId: string | null }[];
  participants: { personId: string }[];
  signatories: { personId: string }[];
}

/**
 * Everyone who takes part in a meeting: heads and deputies of its delegations, participants,
 * signatories; with the communiqué when the subject is one (a link session is bound to it).
 */
export function meetingSubject(meeting: WithPeople, communiqueId?: string): MeetingSubject {
  const people = new Set<string>();
  for (const d of meeting.delegations) {
    people.add(d.headPersonId);
    if (d.deputyPersonId) people.add(d.deputyPersonId);
  }
  for (const p of meeting.participants) people.add(p.personId);
  for (const s of meeting.signatories) people.add(s.personId);
  return communiqueId ? { meetingPeople: people, communiqueId } : { meetingPeople: people };
}

/** The Prisma filter for "meetings this person takes part in". */
export function meetingsOfPerson(personId: string) {
  return {
    OR: [
      { delegations: { some: { OR: [{ headPersonId: personId }, { deputyPersonId: personId }] } } },
      { participants: { some: { personId } } },
      { signatories: { some: { personId } } },
    ],
  };
}
