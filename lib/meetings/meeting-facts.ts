import type { ParticipantRow, Side } from "@/lib/communique/content";
import type { MeetingFacts } from "@/lib/communique/meeting-facts";
import type { Prisma } from "@/lib/db/generated/client";

/** What to load of a meeting to generate its communiqué's standard parts. */
export const MEETING_FACTS_INCLUDE = {
  hostCity: true,
  invitingAssociation: true,
  guestAssociation: true,
  participants: { orderBy: { position: "asc" }, include: { person: true, delegation: true } },
  topics: { orderBy: { position: "asc" }, include: { topic: true } },
} satisfies Prisma.MeetingInclude;

type MeetingForFacts = Prisma.MeetingGetPayload<{ include: typeof MEETING_FACTS_INCLUDE }>;

const iso = (d: Date) => d.toISOString().slice(0, 10);

export function meetingFacts(m: MeetingForFacts): MeetingFacts {
  const participants: Record<Side, ParticipantRow[]> = { RU: [], JP: [] };
  for (const p of m.participants) {
    participants[p.delegation.side].push({
      title: { ru: p.titleRu, ja: p.titleJa },
      name: { ru: p.person.nameRu, ja: p.person.nameJa },
    });
  }
  return {
    ordinal: m.ordinal,
    number: m.number,
    name: { ru: m.nameRu, ja: m.nameJa },
    hostSide: m.hostCity.side,
    hostCity: { name: { ru: m.hostCity.nameRu, ja: m.hostCity.nameJa }, nameLocativeRu: m.hostCity.nameLocativeRu },
    hostCountry: { ru: m.hostCountryRu, ja: m.hostCountryJa },
    startDate: iso(m.startDate),
    endDate: iso(m.endDate),
    venue: { ru: m.venueRu, ja: m.venueJa },
    invitingAssociation: {
      name: { ru: m.invitingAssociation.nameRu, ja: m.invitingAssociation.nameJa },
      nameGenitiveRu: m.invitingAssociation.nameGenitiveRu,
    },
    guestAssociation: {
      name: { ru: m.guestAssociation.nameRu, ja: m.guestAssociation.nameJa },
      nameGenitiveRu: m.guestAssociation.nameGenitiveRu,
    },
    guestDelegation: { ru: m.guestDelegationRu, ja: m.guestDelegationJa },
    ...(m.involvedCirclesRu && m.involvedCirclesJa
      ? { involvedCircles: { ru: m.involvedCirclesRu, ja: m.involvedCirclesJa } }
      : {}),
    participants,
    topics: m.topics.map((t) => ({
      key: t.topic.key,
      name: { ru: t.topic.nameRu, ja: t.topic.nameJa },
      title: { ru: t.titleRu, ja: t.titleJa },
    })),
    signing: { date: iso(m.signingDate), place: { ru: m.signingPlaceRu, ja: m.signingPlaceJa } },
    nextMeeting: { ordinal: m.nextOrdinal, year: m.nextYear, country: { ru: m.nextCountryRu, ja: m.nextCountryJa } },
  };
}
