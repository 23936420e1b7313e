import type { Actor } from "@/lib/auth/actor";
import { revokeTokens } from "@/lib/auth/access-tokens";
import { recordEvent } from "@/lib/audit/record-event";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { lockUser } from "./lock-user";

/**
 * Withdraws an account's unused invitation (sent to a wrong address, or no longer wanted): its
 * link then says it was revoked. Refused when there is no live invitation to withdraw, so that
 * the audit trail records only withdrawals that changed something.
 */
export async function revokeInvitation(actor: Actor | null, userId: unknown): Promise<void> {
  assertCan(actor, "user.manage");
  await db.$transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    const live = await tx.accessToken.findMany({
      where: { userId: user.id, kind: "INVITATION", usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      select: { id: true },
    });
    if (live.length === 0) throw new AppError("NOT_ALLOWED_NOW", { reason: "noInvitation" });
    await revokeTokens(tx, { userId: user.id, kind: "INVITATION" });
    await recordEvent(tx, {
      actorUserId: actor.userId,
      action: "user.invitation_revoked",
      subjectType: "User",
      subjectId: user.id,
      data: { invitations: live.map((t) => t.id) },
    });
  });
}
