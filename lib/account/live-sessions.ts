import { SESSION_IDLE_MS } from "@/lib/auth/sessions";

/**
 * The sessions that still sign someone in (the filter liveSession applies to one row): not
 * ended, before their absolute end, and used within the idle limit.
 */
export function liveSessionsWhere(now: Date) {
  return { endedAt: null, expiresAt: { gt: now }, lastSeenAt: { gt: new Date(now.getTime() - SESSION_IDLE_MS) } };
}
