import { hashPassword } from "@/lib/auth/password";
import { consumeLinkToken, findLinkToken, revokeTokens, tokenProblem } from "@/lib/auth/access-tokens";
import { newPasswordInput } from "@/lib/auth/new-password";
import type { SessionContext, SignedIn } from "@/lib/auth/session-context";
import { startSession } from "@/lib/auth/sessions";
import { recordEvent } from "@/lib/audit/record-event";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/fields";

/**
 * The invited person chooses their password from the link in the invitation: the link is used
 * up, the account gets its password, and the person is signed in.
 */
export async function acceptInvitation(token: unknown, input: unknown, context: SessionContext): Promise<SignedIn> {
  // Checked before the password is looked at: a dead link says so, whatever was typed.
  const found = await findLinkToken(token, "INVITATION");
  const problem = tokenProblem(found);
  if (problem) throw new AppError(problem);
  if (!found.user.active) throw new AppError("TOKEN_REVOKED");
  const { password } = parseInput(newPasswordInput, input);
  const passwordHash = await hashPassword(password);
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
