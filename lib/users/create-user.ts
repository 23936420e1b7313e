import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { recordEvent } from "@/lib/audit/record-event";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/validation/fields";
import { assertFreeLinks, uniqueViolationAsFieldError } from "./check-links";
import { emailInput, passwordInput, userFields } from "./user-input";

const createInput = z.intersection(userFields, z.object({ email: emailInput, password: passwordInput }));

export async function createUser(actor: Actor | null, input: unknown): Promise<{ id: string }> {
  assertCan(actor, "user.manage");
  const { password, ...fields } = parseInput(createInput, input);
  await assertFreeLinks(fields);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { ...fields, passwordHash }, select: { id: true } });
    await recordEvent(tx, {
      actorUserId: actor.userId,
      action: "user.created",
      subjectType: "User",
      subjectId: user.id,
      data: { email: fields.email, role: fields.role },
    });
    return user;
  }).catch(uniqueViolationAsFieldError);
}
