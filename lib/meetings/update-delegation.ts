import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/fields";
import { editMeeting } from "./edit-meeting";
import { pickPerson } from "./pick-entries";

const updateInput = z.object({
  id: z.string().min(1),
  headPersonId: z.string().trim().min(1, { message: "required" }),
  deputyPersonId: z.string().trim().optional().transform((v) => v || null),
});

/**
 * Changes who heads a delegation and who may act for the head. Refused once the head has
 * decided on a revision: that decision was made by the person then at the head.
 */
export async function updateDelegation(actor: Actor | null, meetingId: string, input: unknown) {
  await editMeeting(actor, meetingId, async (tx, meeting) => {
    const { id, headPersonId, deputyPersonId } = parseInput(updateInput, input);
    const delegation = meeting.delegations.find((d) => d.id === id);
    if (!delegation) throw new AppError("NOT_FOUND");
    // A head or deputy retired since keeps their place; only a newly chosen one must be in use.
    const head = headPersonId === delegation.headPersonId ? delegation.head : await pickPerson(tx, headPersonId, "headPersonId");
    const deputy = !deputyPersonId
      ? null
      : deputyPersonId === delegation.deputyPersonId
        ? delegation.deputy
        : await pickPerson(tx, deputyPersonId, "deputyPersonId");
    if (head.side !== delegation.side) throw new AppError("VALIDATION", {}, { headPersonId: "otherSide" });
    if (deputy && deputy.side !== delegation.side) throw new AppError("VALIDATION", {}, { deputyPersonId: "otherSide" });
    if (deputy && deputy.id === head.id) throw new AppError("VALIDATION", {}, { deputyPersonId: "duplicate" });
    if (head.id === delegation.headPersonId && (deputy?.id ?? null) === delegation.deputyPersonId) return null;
    if ((await tx.approval.count({ where: { delegationId: id } })) > 0) {
      throw new AppError("DELEGATION_ROUTED", { city: delegation.city.nameRu, cityJa: delegation.city.nameJa, head: delegation.head.nameRu, headJa: delegation.head.nameJa });
    }
    await tx.delegation.update({ where: { id }, data: { headPersonId: head.id, deputyPersonId: deputy?.id ?? null } });
    return { result: undefined, event: { action: "delegation.updated", data: { delegation: id, head: head.id, deputy: deputy?.id ?? null } } };
  });
}
