import type { AuditSubjects } from "../audit-events";

interface Titles {
  titleRu: string;
  titleJa: string;
}

/** `order`: the ids of the whole list after the move. */
interface Move {
  direction: "up" | "down";
  order: string[];
}

/** A meeting's facts and people, from which the communiqué's text is generated. */
export interface MeetingEvents {
  /** `from`: the earlier meeting whose people were copied, with how many of each (`copied`). */
  "meeting.created": {
    number: number;
    ordinal: string;
    hostCity: string;
    from: string | null;
    copied: { delegations: number; participants: number; signatories: number; topics: number } | null;
  };
  /** `fields`: the names of the facts the edit changed; `version`: the meeting's version after it. */
  "meeting.updated": { version: number; fields: string[] };
  "delegation.added": { delegation: string; city: string; head: string; deputy: string | null };
  "delegation.updated": { delegation: string; head: string; deputy: string | null };
  "delegation.removed": { delegation: string; city: string };
  "participant.added": { participant: string; person: string; delegation: string } & Titles;
  "participant.title-updated": { participant: string } & Titles;
  "participant.moved": { participant: string } & Move;
  "participant.removed": { participant: string };
  "signatory.added": { signatory: string; person: string } & Titles;
  "signatory.title-updated": { signatory: string } & Titles;
  "signatory.moved": { signatory: string } & Move;
  "signatory.removed": { signatory: string };
  "topic.added": { meetingTopic: string; topic: string } & Titles;
  "topic.moved": { topic: string } & Move;
  "topic.removed": { topic: string };
}

export const MEETING_SUBJECTS = {
  "meeting.created": "Meeting",
  "meeting.updated": "Meeting",
  "delegation.added": "Meeting",
  "delegation.updated": "Meeting",
  "delegation.removed": "Meeting",
  "participant.added": "Meeting",
  "participant.title-updated": "Meeting",
  "participant.moved": "Meeting",
  "participant.removed": "Meeting",
  "signatory.added": "Meeting",
  "signatory.title-updated": "Meeting",
  "signatory.moved": "Meeting",
  "signatory.removed": "Meeting",
  "topic.added": "Meeting",
  "topic.moved": "Meeting",
  "topic.removed": "Meeting",
} as const satisfies AuditSubjects<MeetingEvents>;
