import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { editCommunique } from "@/lib/clauses/editable";

/** Turns printed clause numbers ("1.", "2.", …) on or off. */
export async function setNumbering(actor: Actor | null, communiqueId: string, numberClauses: boolean) {
  await editCommunique(actor, communiqueId, async (tx, who) => {
    await tx.communique.update({ where: { id: communiqueId }, data: { numberClauses } });
    await recordEvent(tx, { actorUserId: who.userId, action: "communique.numbering", subjectType: "Communique", subjectId: communiqueId, data: { numberClauses } });
  });
}
