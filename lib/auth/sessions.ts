import { db, type SessionMethod, type Tx } from "@/lib/db";

/** However active, a session ends a week after it began; a link session after a working day. */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
export const LINK_SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** Unused for this long, a session ends (the cookie says the same; this holds on the server). */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
// lastSeenAt is written at most this often: one write per quarter hour, not one per request.
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export interface SessionStart {
  userId: string;
  method: SessionMethod;
  /** Set for a session opened by an e-mailed link: it may read and decide on this communiqué only. */
  communiqueId?: string | null;
  ip: string;
  userAgent: string;
}

export async function startSession(tx: Tx, start: SessionStart, now = new Date()): Promise<{ id: string }> {
  const lifetime = start.communiqueId ? LINK_SESSION_ABSOLUTE_MS : SESSION_ABSOLUTE_MS;
  return tx.userSession.create({
    data: {
      userId: start.userId,
      method: start.method,
      communiqueId: start.communiqueId ?? null,
      ip: start.ip.slice(0, 100),
      userAgent: start.userAgent.slice(0, 300),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + lifetime),
    },
    select: { id: true },
  });
}

/**
 * The session and its active user, or null when the session was ended, has passed its
 * absolute or idle end, or the account was deactivated.
 */
export async function liveSession(sessionId: string, now = new Date()) {
  const row = await db.userSession.findUnique({ where: { id: sessionId }, include: { user: { omit: { passwordHash: false } } } });
  if (!row || row.endedAt || row.expiresAt <= now || !row.user.active) return null;
  const { passwordHash, ...user } = row.user;
  const session = { ...row, user, hasPassword: passwordHash !== null };
  if (now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { lastSeenAt: now } });
  }
  return session;
}

/** Ends one session of a user (their own sign-out, or "end" on their list of sessions). */
export async function endSession(tx: Tx, where: { id: string; userId?: string }, now = new Date()): Promise<number> {
  const { count } = await tx.userSession.updateMany({ where: { ...where, endedAt: null }, data: { endedAt: now } });
  return count;
}

/** Ends every session of an account, but `keep` (the one the user acts from) when given. */
export async function endAllSessions(tx: Tx, userId: string, options: { keep?: string; now?: Date } = {}): Promise<number> {
  const { count } = await tx.userSession.updateMany({
    where: { userId, endedAt: null, ...(options.keep ? { id: { not: options.keep } } : {}) },
    data: { endedAt: options.now ?? new Date() },
  });
  return count;
}
