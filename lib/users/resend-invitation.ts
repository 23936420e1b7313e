import type { Actor } from "@/lib/auth/actor";
import { revokeTokens } from "@/lib/auth/access-tokens";
import { recordEvent } from "@/lib/audit/record-event";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { deliverSoon } from "@/lib/mail/deliver";
import { lockUser } from "./lock-user";
import { sendInvitation } from "./send-invitation";

/**
 * Mails a new invitation to an active account that has no password yet (the first one expired,
 * went astray or was revoked). Earlier invitations stop working: only the newest link is live.
 * An account with a password has no use for one (its owner resets a forgotten password), and a
 * deactivated account may not come in at all.
 */
export async function resendInvitation(actor: Actor | null, userId: unknown): Promise<void> {
  assertCan(actor, "user.manage");
  await db
    .$transaction(async (tx) => {
      const user = await lockUser(tx, userId);
      if (!user.active) throw new AppError("NOT_ALLOWED_NOW", { reason: "inactive" });
      if (user.hasPassword) throw new AppError("NOT_ALLOWED_NOW", { reason: "hasPassword" });
      await revokeTokens(tx, { userId: user.id, kind: "INVITATION" });
      const invitation = await sendInvitation(tx, user, actor);
      await recordEvent(tx, {
        actorUserId: actor.userId,
        action: "user.invitation_resent",
        subjectType: "User",
        subjectId: user.id,
        data: { invitation: invitation.id },
      });
    })
    .finally(deliverSoon);
}
