import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/fields";
import { editMeeting } from "./edit-meeting";
import { nextPosition, pickCity, pickPerson } from "./pick-entries";

const id = z.string().trim().min(1, { message: "required" });
const delegationInput = z.object({
  cityId: id,
  headPersonId: id,
  deputyPersonId: z.string().trim().optional().transform((v) => v || null),
});

/**
 * Adds a city's delegation: its head, and optionally a named deputy who may act for the head.
 * A city sends one delegation to a meeting; the head and the deputy come from the city's side.
 */
export async function addDelegation(actor: Actor | null, meetingId: string, input: unknown): Promise<{ id: string } | undefined> {
  return editMeeting(actor, meetingId, async (tx, meeting) => {
    const { cityId, headPersonId, deputyPersonId } = parseInput(delegationInput, input);
    const city = await pickCity(tx, cityId, "cityId");
    const head = await pickPerson(tx, headPersonId, "headPersonId");
    const deputy = deputyPersonId ? await pickPerson(tx, deputyPersonId, "deputyPersonId") : null;
    const fieldErrors: Record<string, string> = {};
    if (meeting.delegations.some((d) => d.cityId === city.id)) fieldErrors.cityId = "duplicate";
    if (head.side !== city.side) fieldErrors.headPersonId = "otherSide";
    if (deputy && deputy.side !== city.side) fieldErrors.deputyPersonId = "otherSide";
    if (deputy && deputy.id === head.id) fieldErrors.deputyPersonId = "duplicate";
    if (Object.keys(fieldErrors).length > 0) throw new AppError("VALIDATION", {}, fieldErrors);
    const delegation = await tx.delegation.create({
      data: {
        meetingId: meeting.id,
        cityId: city.id,
        side: city.side,
        position: nextPosition(meeting.delegations.filter((d) => d.side === city.side)),
        headPersonId: head.id,
        deputyPersonId: deputy?.id ?? null,
      },
    });
    return { result: { id: delegation.id }, event: { action: "delegation.added", data: { delegation: delegation.id, city: city.id, head: head.id, deputy: deputy?.id ?? null } } };
  });
}
