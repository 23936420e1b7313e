import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors/app-error";
import { LINK_SESSION_ACTIONS, POLICY, type Action, type MeetingSubject } from "./policy";

const NO_SUBJECT: MeetingSubject = { meetingPeople: new Set() };

export function can(actor: Actor | null, action: Action, subject: MeetingSubject = NO_SUBJECT): boolean {
  if (!actor) return false;
  if (actor.linkScope !== undefined && (!LINK_SESSION_ACTIONS.has(action) || subject.communiqueId !== actor.linkScope)) return false;
  const row = (POLICY as Record<string, Record<string, unknown> | undefined>)[action];
  const rule = row?.[actor.role];
  if (typeof rule === "boolean") return rule;
  if (typeof rule === "function") return Boolean(rule(actor, subject));
  return false;
}

/** Throws UNAUTHENTICATED without an actor and FORBIDDEN when the policy says no. */
export function assertCan(
  actor: Actor | null,
  action: Action,
  subject?: MeetingSubject,
): asserts actor is Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (!can(actor, action, subject)) throw new AppError("FORBIDDEN");
}
