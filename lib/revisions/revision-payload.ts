import type { CommuniqueContent } from "@/lib/communique/content";
import type { MeetingFacts } from "@/lib/communique/meeting-facts";
import { canonicalJson, sha256Hex } from "@/lib/hash/canonical";

/** What a revision freezes: the whole content (clauses, signatories) and the meeting facts. */
export interface RevisionPayload {
  schema: 1;
  content: CommuniqueContent;
  facts: MeetingFacts;
}

/** Same content → same hash; any change anywhere → a different hash. */
export function revisionHash(payload: RevisionPayload): string {
  return sha256Hex(canonicalJson(payload));
}

export const shortHash = (hash: string) => hash.slice(0, 12);
