import { canonicalJson, sha256Hex } from "@/lib/hash/canonical";

export const GENESIS_HASH = "0".repeat(64);

export interface AuditContent {
  at: string;
  actorUserId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  data: unknown;
  prevHash: string;
}

/** The hash of an event covers its content and the previous event's hash: a chain. */
export function eventHash(content: AuditContent): string {
  return sha256Hex(canonicalJson(content));
}
