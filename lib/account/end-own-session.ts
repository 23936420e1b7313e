import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { endSession } from "@/lib/auth/sessions";
import { recordEvent } from "@/lib/audit/record-event";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/fields";

const endInput = z.object({ sessionId: z.string().min(1).max(100) });

/**
 * Ends one of the actor's own sessions (a computer left signed in elsewhere). A session of
 * another account, or one already over, is NOT_FOUND: the id alone gives no power over it.
 */
export async function endOwnSession(actor: Actor | null, input: unknown): Promise<void> {
  assertCan(actor, "profile.update");
  const { sessionId } = parseInput(endInput, input);
  await db.$transaction(async (tx) => {
    if ((await endSession(tx, { id: sessionId, userId: actor.userId })) === 0) throw new AppError("NOT_FOUND");
    await recordEvent(tx, {
      actorUserId: actor.userId,
      action: "session.ended",
      subjectType: "User",
      subjectId: actor.userId,
      data: { session: sessionId },
    });
  });
}
