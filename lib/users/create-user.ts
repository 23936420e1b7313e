import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import { deliverSoon } from "@/lib/mail/deliver";
import { parseInput } from "@/lib/validation/fields";
import { assertFreeLinks, uniqueViolationAsFieldError } from "./check-links";
import { sendInvitation } from "./send-invitation";
import { emailInput, userFields } from "./user-input";

// No password field: one sent anyway is dropped by the parse, never stored.
const createInput = z.intersection(userFields, z.object({ email: emailInput }));

/**
 * Makes an account without a password and mails its owner an invitation to choose one: the
 * password is known to its owner alone, never typed, seen or passed on by an administrator.
 */
export async function createUser(actor: Actor | null, input: unknown): Promise<{ id: string }> {
  assertCan(actor, "user.manage");
  const fields = parseInput(createInput, input);
  await assertFreeLinks(fields);
  return db
    .$transaction(async (tx) => {
      const user = await tx.user.create({ data: { ...fields, passwordHash: null }, select: { id: true, email: true, displayName: true, locale: true } });
      const invitation = await sendInvitation(tx, user, actor);
      await recordEvent(tx, {
        actorUserId: actor.userId,
        action: "user.created",
        subjectType: "User",
        subjectId: user.id,
        data: { email: fields.email, role: fields.role, invited: true, invitation: invitation.id },
      });
      return { id: user.id };
    })
    .catch(uniqueViolationAsFieldError)
    .finally(deliverSoon);
}
