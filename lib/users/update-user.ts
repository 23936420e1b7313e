import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { revokeTokens } from "@/lib/auth/access-tokens";
import { endAllSessions } from "@/lib/auth/sessions";
import { recordEvent } from "@/lib/audit/record-event";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/fields";
import { assertFreeLinks, uniqueViolationAsFieldError } from "./check-links";
import { userFields } from "./user-input";

// No password field: administrators never set one (the owner does, from an invitation or a reset).
const updateInput = z.intersection(
  userFields,
  z.object({ active: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()) }),
);

// The mailed links that would let a deactivated account's owner back in.
const LINK_KINDS = ["INVITATION", "PASSWORD_RESET", "SIGN_IN_LINK"] as const;

/**
 * Changes an account. An admin cannot lock themselves out (deactivate or demote their own account).
 * A deactivated account is out at once: its sessions end and its unused links are revoked, so that
 * reactivating it later brings none of them back.
 */
export async function updateUser(actor: Actor | null, userId: string, input: unknown) {
  assertCan(actor, "user.manage");
  const fields = parseInput(updateInput, input);
  if (userId === actor.userId && (!fields.active || fields.role !== "ADMIN")) {
    throw new AppError("VALIDATION", {}, { active: "selfLockout" });
  }
  const existing = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!existing) throw new AppError("NOT_FOUND");
  await assertFreeLinks(fields, userId);
  await db
    .$transaction(async (tx) => {
      await tx.user.update({ where: { id: userId }, data: fields });
      let sessionsEnded = 0;
      if (!fields.active) {
        sessionsEnded = await endAllSessions(tx, userId);
        for (const kind of LINK_KINDS) await revokeTokens(tx, { userId, kind });
      }
      await recordEvent(tx, {
        actorUserId: actor.userId,
        action: "user.updated",
        subjectType: "User",
        subjectId: userId,
        data: { role: fields.role, active: fields.active, sessionsEnded },
      });
    })
    .catch(uniqueViolationAsFieldError);
}
