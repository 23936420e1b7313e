import type { AuditAction } from "@/lib/audit/audit-events";
import { readEvent } from "@/lib/audit/read-event";

/** The events of a communiqué the status board's timeline shows: its way from draft to signature. */
export const TIMELINE_ACTIONS = [
  "communique.created",
  "communique.submitted",
  "revision.created",
  "round.opened",
  "round.reminded",
  "approval.approved",
  "approval.changes-requested",
  "comment.added",
  "comment.resolved",
  "comment.reopened",
  "communique.approved",
  "signing.opened",
  "signature.recorded",
  "signature.withdrawn",
  "finalisation.failed",
  "signing.declined",
  "communique.signed",
] as const satisfies readonly AuditAction[];

export type TimelineAction = (typeof TIMELINE_ACTIONS)[number];

/** The rows' events that the timeline shows, typed by their action. */
export function timelineEvents<R extends { action: string; data: unknown }>(rows: R[]) {
  const shown: readonly unknown[] = TIMELINE_ACTIONS;
  return rows.map(readEvent).filter((e): e is Extract<typeof e, { action: TimelineAction }> => shown.includes(e.action));
}

/** The action's label under `board` in the messages (a message key cannot hold a dot). */
export function timelineLabel(action: TimelineAction): `actions.${string}` {
  return `actions.${action.replaceAll(".", "_")}`;
}
