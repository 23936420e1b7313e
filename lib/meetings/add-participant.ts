import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { printedLine } from "@/lib/directory/entry-input";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/fields";
import { editMeeting } from "./edit-meeting";
import { nextPosition, pickPerson } from "./pick-entries";

const participantInput = z.object({
  delegationId: z.string().trim().min(1, { message: "required" }),
  personId: z.string().trim().min(1, { message: "required" }),
  titleRu: printedLine(300),
  titleJa: printedLine(300),
});

/** Adds someone who attended, with the title the communiqué gives them, at the end of their side's list. */
export async function addParticipant(actor: Actor | null, meetingId: string, input: unknown): Promise<{ id: string } | undefined> {
  return editMeeting(actor, meetingId, async (tx, meeting) => {
    const { delegationId, personId, titleRu, titleJa } = parseInput(participantInput, input);
    const delegation = meeting.delegations.find((d) => d.id === delegationId);
    if (!delegation) throw new AppError("VALIDATION", {}, { delegationId: "invalid" });
    const person = await pickPerson(tx, personId, "personId");
    if (meeting.participants.some((p) => p.personId === person.id)) throw new AppError("VALIDATION", {}, { personId: "duplicate" });
    if (person.side !== delegation.side) throw new AppError("VALIDATION", {}, { personId: "otherSide" });
    const participant = await tx.participant.create({
      data: { meetingId: meeting.id, delegationId, personId: person.id, titleRu, titleJa, position: nextPosition(meeting.participants) },
    });
    return { result: { id: participant.id }, event: { action: "participant.added", data: { participant: participant.id, person: person.id, delegation: delegationId, titleRu, titleJa } } };
  });
}
