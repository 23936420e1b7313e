import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/fields";
import { editMeeting } from "./edit-meeting";

/**
 * Removes a delegation with its participants. Refused once the delegation has been on an
 * approval route: its head's decisions, and the rounds that waited for them, are the record
 * of how the communiqué was approved.
 */
export async function removeDelegation(actor: Actor | null, meetingId: string, input: unknown) {
  await editMeeting(actor, meetingId, async (tx, meeting) => {
    const { id } = parseInput(z.object({ id: z.string().min(1) }), input);
    const delegation = meeting.delegations.find((d) => d.id === id);
    if (!delegation) throw new AppError("NOT_FOUND");
    const [decisions, routed] = await Promise.all([tx.approval.count({ where: { delegationId: id } }), tx.approvalStepMember.count({ where: { delegationId: id } })]);
    if (decisions > 0 || routed > 0) {
      throw new AppError("DELEGATION_ROUTED", { city: delegation.city.nameRu, cityJa: delegation.city.nameJa, head: delegation.head.nameRu, headJa: delegation.head.nameJa });
    }
    await tx.delegation.delete({ where: { id } });
    return { result: undefined, event: { action: "delegation.removed", data: { delegation: id, city: delegation.cityId } } };
  });
}
