import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { recordEvent } from "@/lib/audit/record-event";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/fields";
import { assertFreeLinks, uniqueViolationAsFieldError } from "./check-links";
import { passwordInput, userFields } from "./user-input";

const updateInput = z.intersection(
  userFields,
  z.object({
    active: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
    password: z.preprocess((v) => (v === "" ? undefined : v), passwordInput.optional()),
  }),
);

/** Changes an account. An admin cannot lock themselves out (deactivate or demote their own account). */
export async function updateUser(actor: Actor | null, userId: string, input: unknown) {
  assertCan(actor, "user.manage");
  const { password, ...fields } = parseInput(updateInput, input);
  if (userId === actor.userId && (!fields.active || fields.role !== "ADMIN")) {
    throw new AppError("VALIDATION", {}, { active: "selfLockout" });
  }
  const existing = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!existing) throw new AppError("NOT_FOUND");
  await assertFreeLinks(fields, userId);
  const passwordHash = password ? await hashPassword(password) : undefined;
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { ...fields, ...(passwordHash ? { passwordHash } : {}) } });
    await recordEvent(tx, {
      actorUserId: actor.userId,
      action: "user.updated",
      subjectType: "User",
      subjectId: userId,
      data: { role: fields.role, active: fields.active, passwordReset: Boolean(password) },
    });
  }).catch(uniqueViolationAsFieldError);
}
