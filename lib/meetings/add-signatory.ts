import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { printedLine } from "@/lib/directory/entry-input";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/fields";
import { editMeeting } from "./edit-meeting";
import { nextPosition, pickPerson } from "./pick-entries";

const signatoryInput = z.object({
  personId: z.string().trim().min(1, { message: "required" }),
  titleRu: printedLine(300),
  titleJa: printedLine(300),
});

/**
 * Adds a signatory at the end of the signing order, on their own side. A signatory need not
 * have attended (the model communiqué: Kravchuk signs, Ivanova attended).
 */
export async function addSignatory(actor: Actor | null, meetingId: string, input: unknown): Promise<{ id: string } | undefined> {
  return editMeeting(actor, meetingId, async (tx, meeting) => {
    const { personId, titleRu, titleJa } = parseInput(signatoryInput, input);
    const person = await pickPerson(tx, personId, "personId");
    if (meeting.signatories.some((s) => s.personId === person.id)) throw new AppError("VALIDATION", {}, { personId: "duplicate" });
    const signatory = await tx.signatory.create({
      data: { meetingId: meeting.id, personId: person.id, side: person.side, titleRu, titleJa, position: nextPosition(meeting.signatories) },
    });
    return { result: { id: signatory.id }, event: { action: "signatory.added", data: { signatory: signatory.id, person: person.id, titleRu, titleJa } } };
  });
}
