import type { Actor } from "@/lib/auth/actor";
import { endAllSessions } from "@/lib/auth/sessions";
import { recordEvent } from "@/lib/audit/record-event";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";

/**
 * "Sign out everywhere else": every session of the actor ends but the one they act from (an
 * actor made outside a request has none, and then every session is another).
 */
export async function endOtherSessions(actor: Actor | null): Promise<{ ended: number }> {
  assertCan(actor, "profile.update");
  return db.$transaction(async (tx) => {
    const ended = await endAllSessions(tx, actor.userId, { keep: actor.sessionId });
    await recordEvent(tx, {
      actorUserId: actor.userId,
      action: "session.others_ended",
      subjectType: "User",
      subjectId: actor.userId,
      data: { count: ended },
    });
    return { ended };
  });
}
