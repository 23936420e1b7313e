import type { Actor } from "@/lib/auth/actor";
import { liveSessionsWhere } from "@/lib/account/live-sessions";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";

/**
 * The accounts, with what the admin needs to help someone in: whether they have a password yet,
 * their unused invitation (expired or not) and how many sessions are signed in. The password
 * hashes themselves are never read.
 */
export async function listUsers(actor: Actor | null) {
  assertCan(actor, "user.manage");
  const now = new Date();
  const [users, withoutPassword, invitations, sessions, people] = await Promise.all([
    db.user.findMany({
      orderBy: [{ role: "asc" }, { email: "asc" }],
      include: { person: { select: { id: true, nameRu: true, nameJa: true } } },
    }),
    db.user.findMany({ where: { passwordHash: null }, select: { id: true } }),
    // Oldest expiry first, so that each user's newest invitation is the one kept below.
    db.accessToken.findMany({
      where: { kind: "INVITATION", usedAt: null, revokedAt: null },
      orderBy: { expiresAt: "asc" },
      select: { userId: true, expiresAt: true },
    }),
    db.userSession.groupBy({ by: ["userId"], where: liveSessionsWhere(now), _count: { _all: true } }),
    db.person.findMany({ orderBy: [{ side: "asc" }, { nameRu: "asc" }], select: { id: true, nameRu: true, nameJa: true, user: { select: { id: true } } } }),
  ]);
  const noPassword = new Set(withoutPassword.map((u) => u.id));
  const invitationOf = new Map(invitations.map((i) => [i.userId, { expiresAt: i.expiresAt, expired: i.expiresAt <= now }]));
  const sessionCount = new Map(sessions.map((s) => [s.userId, s._count._all]));
  return {
    users: users.map((u) => ({
      ...u,
      hasPassword: !noPassword.has(u.id),
      invitation: invitationOf.get(u.id) ?? null,
      activeSessions: sessionCount.get(u.id) ?? 0,
    })),
    // Who an account may speak for: people without one (and, when editing, its own person).
    people: people.map(({ user, ...p }) => ({ ...p, accountId: user?.id ?? null })),
  };
}
