import { db } from "@/lib/db";
import { getActor } from "./get-actor";
import { endSession } from "./sessions";

/**
 * Before a mailed link signs someone in, whoever is signed in in this browser is signed out on
 * the server too: the new cookie replaces theirs, and their session must not outlive it.
 */
export async function endCurrentSession(): Promise<void> {
  const actor = await getActor();
  if (actor?.sessionId) await db.$transaction((tx) => endSession(tx, { id: actor.sessionId! }));
}
