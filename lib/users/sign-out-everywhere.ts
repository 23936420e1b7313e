import type { Actor } from "@/lib/auth/actor";
import { endAllSessions } from "@/lib/auth/sessions";
import { recordEvent } from "@/lib/audit/record-event";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import { lockUser } from "./lock-user";

/**
 * Ends every session of an account (a lost phone, a password seen by someone): whoever holds one
 * of its cookies is signed out at their next request. An admin doing it to their own account
 * keeps no session either: the one they act from may be the one they fear for.
 */
export async function signOutEverywhere(actor: Actor | null, userId: unknown): Promise<{ ended: number }> {
  assertCan(actor, "user.manage");
  return db.$transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    const ended = await endAllSessions(tx, user.id);
    await recordEvent(tx, {
      actorUserId: actor.userId,
      action: "user.sessions_ended",
      subjectType: "User",
      subjectId: user.id,
      data: { count: ended },
    });
    return { ended };
  });
}
