import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { revokeTokens } from "@/lib/auth/access-tokens";
import { newPasswordInput } from "@/lib/auth/new-password";
import { checkPassword, hashPassword } from "@/lib/auth/password";
import { endAllSessions } from "@/lib/auth/sessions";
import { recordSignInFailure, signInBlockedFor } from "@/lib/auth/sign-in-limits";
import { recordEvent } from "@/lib/audit/record-event";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/fields";

const changeInput = z.intersection(newPasswordInput, z.object({ currentPassword: z.string().max(200).optional() }));

/**
 * Changes the actor's password. The current one must be typed, so that a session left open on
 * someone else's computer is not enough to take the account; wrong guesses count against the
 * same limits as sign-in (per account and address). An account without a password yet sets one
 * without. Every other session ends (whoever knew the old password is out), and unused
 * invitation and reset links die, or one of them could set another password behind the owner.
 */
export async function changePassword(actor: Actor | null, input: unknown, context: { ip: string }): Promise<{ sessionsEnded: number }> {
  assertCan(actor, "profile.update");
  const { currentPassword, password } = parseInput(changeInput, input);
  const { passwordHash: stored } = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordHash: true } });
  if (stored !== null) {
    if (!currentPassword) throw new AppError("VALIDATION", {}, { currentPassword: "required" });
    const minutes = await signInBlockedFor(actor.email, context.ip);
    if (minutes > 0) throw new AppError("RATE_LIMITED", { minutes });
    if (!(await checkPassword(currentPassword, stored))) {
      await recordSignInFailure(actor.email, context.ip);
      throw new AppError("WRONG_PASSWORD");
    }
  }
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    // Written only over the password just checked: had it changed meanwhile (another tab, an
    // invitation accepted), what was typed as the current one no longer is.
    const { count } = await tx.user.updateMany({ where: { id: actor.userId, passwordHash: stored }, data: { passwordHash } });
    if (count !== 1) throw new AppError("WRONG_PASSWORD");
    for (const kind of ["INVITATION", "PASSWORD_RESET"] as const) await revokeTokens(tx, { userId: actor.userId, kind });
    const sessionsEnded = await endAllSessions(tx, actor.userId, { keep: actor.sessionId });
    await recordEvent(tx, {
      actorUserId: actor.userId,
      action: "password.changed",
      subjectType: "User",
      subjectId: actor.userId,
      data: { hadPassword: stored !== null, sessionsEnded, ip: context.ip.slice(0, 100) },
    });
    return { sessionsEnded };
  });
}
