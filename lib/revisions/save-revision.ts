import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import { loadCommunique, lockCommunique } from "@/lib/communiques/load-communique";
import { nextState } from "@/lib/workflow/assert-allowed";
import { freezeRevision } from "./freeze-revision";

/** "Save revision": a named point in the history that can be compared and printed. */
export async function saveRevision(actor: Actor | null, communiqueId: string) {
  await loadCommunique(actor, communiqueId, "communique.view");
  assertCan(actor, "revision.create");
  return db.$transaction(async (tx) => {
    nextState(await lockCommunique(tx, communiqueId), "SAVE_REVISION");
    const { revision, created } = await freezeRevision(tx, communiqueId, actor.userId, "saved");
    return { id: revision.id, number: revision.number, hash: revision.hash, created };
  });
}
