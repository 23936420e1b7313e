import { consumeLinkToken, revokeTokens } from "@/lib/auth/access-tokens";
import { newPasswordFromLink } from "@/lib/auth/new-password";
import type { SessionContext, SignedIn } from "@/lib/auth/session-context";
import { startSession } from "@/lib/auth/sessions";
import { recordEvent } from "@/lib/audit/record-event";
import { db } from "@/lib/db";

/**
 * The invited person chooses their password from the link in the invitation: the link is used
 * up, the account gets its password, and the person is signed in.
 */
export async function acceptInvitation(token: unknown, input: unknown, context: SessionContext): Promise<SignedIn> {
  const passwordHash = await newPasswordFromLink(token, "INVITATION", input);
  return db.$transaction(async (tx) => {
    const row = await consumeLinkToken(tx, token, "INVITATION");
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash } });
    await revokeTokens(tx, { userId: row.userId, kind: "INVITATION" });
    const session = await startSession(tx, { userId: row.userId, method: "INVITATION", ...context });
    await recordEvent(tx, {
      actorUserId: row.userId,
      action: "user.invitation_accepted",
      subjectType: "User",
      subjectId: row.userId,
      data: { token: row.id, ip: context.ip.slice(0, 100) },
    });
    return { userId: row.userId, sessionId: session.id };
  });
}
