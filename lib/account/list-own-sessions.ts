import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import { describeUserAgent } from "./describe-user-agent";
import { liveSessionsWhere } from "./live-sessions";

/**
 * The actor's own sessions that still sign someone in, the one they act from first, and whether
 * their account has a password (without one, the password form asks for no current password).
 */
export async function listOwnSessions(actor: Actor | null) {
  assertCan(actor, "profile.update");
  const [rows, withPassword] = await Promise.all([
    db.userSession.findMany({
      where: { userId: actor.userId, ...liveSessionsWhere(new Date()) },
      orderBy: { lastSeenAt: "desc" },
      select: { id: true, method: true, ip: true, userAgent: true, createdAt: true, lastSeenAt: true },
    }),
    db.user.count({ where: { id: actor.userId, passwordHash: { not: null } } }),
  ]);
  const sessions = rows
    .map((row) => ({ ...row, current: row.id === actor.sessionId, device: describeUserAgent(row.userAgent) }))
    .sort((a, b) => Number(b.current) - Number(a.current));
  return { sessions, hasPassword: withPassword > 0 };
}
