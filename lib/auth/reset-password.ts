import { recordEvent } from "@/lib/audit/record-event";
import { db } from "@/lib/db";
import { consumeLinkToken, revokeTokens } from "./access-tokens";
import { newPasswordFromLink } from "./new-password";
import type { SessionContext, SignedIn } from "./session-context";
import { endAllSessions, startSession } from "./sessions";

/**
 * Sets a new password from a reset link: the link is used up, every session of the account
 * ends (whoever knew the old password is out), and the person is signed in afresh.
 */
export async function resetPassword(token: unknown, input: unknown, context: SessionContext): Promise<SignedIn> {
  const passwordHash = await newPasswordFromLink(token, "PASSWORD_RESET", input);
  return db.$transaction(async (tx) => {
    const row = await consumeLinkToken(tx, token, "PASSWORD_RESET");
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash } });
    await revokeTokens(tx, { userId: row.userId, kind: "PASSWORD_RESET" });
    const ended = await endAllSessions(tx, row.userId);
    const session = await startSession(tx, { userId: row.userId, method: "RESET", ...context });
    await recordEvent(tx, {
      actorUserId: row.userId,
      action: "password.reset",
      subjectType: "User",
      subjectId: row.userId,
      data: { token: row.id, sessionsEnded: ended, ip: context.ip.slice(0, 100) },
    });
    return { userId: row.userId, sessionId: session.id };
  });
}
