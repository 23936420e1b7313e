import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/fields";
import { editMeeting, type MeetingEdit } from "./edit-meeting";

const removeInput = z.object({ kind: z.enum(["participant", "signatory", "topic"], { message: "invalid" }), id: z.string().min(1) });

/**
 * Takes a participant, a signatory or a topic off the meeting. A signatory who has already
 * signed stays: the signature belongs to the record of the signed document.
 */
export async function removeRow(actor: Actor | null, meetingId: string, input: unknown) {
  await editMeeting(actor, meetingId, async (tx, meeting) => {
    const { kind, id } = parseInput(removeInput, input);
    if (kind === "participant") {
      if (!meeting.participants.some((p) => p.id === id)) throw new AppError("NOT_FOUND");
      await tx.participant.delete({ where: { id } });
    } else if (kind === "signatory") {
      const signatory = meeting.signatories.find((s) => s.id === id);
      if (!signatory) throw new AppError("NOT_FOUND");
      if ((await tx.signature.count({ where: { signatoryId: id } })) > 0) {
        throw new AppError("SIGNATORY_SIGNED", { name: signatory.person.nameRu, nameJa: signatory.person.nameJa });
      }
      await tx.signatory.delete({ where: { id } });
    } else {
      if (!meeting.topics.some((t) => t.id === id)) throw new AppError("NOT_FOUND");
      await tx.meetingTopic.delete({ where: { id } });
    }
    // Spelt out per kind rather than as `{ [kind]: id }`, whose key the compiler cannot tie to the action.
    const events = {
      participant: { action: "participant.removed", data: { participant: id } },
      signatory: { action: "signatory.removed", data: { signatory: id } },
      topic: { action: "topic.removed", data: { topic: id } },
    } satisfies Record<typeof kind, MeetingEdit>;
    return { result: undefined, event: events[kind] };
  });
}
