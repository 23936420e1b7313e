import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { printedLine } from "@/lib/directory/entry-input";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/fields";
import { editMeeting, type MeetingEdit } from "./edit-meeting";

const titleInput = z.object({
  kind: z.enum(["participant", "signatory"]),
  id: z.string().min(1),
  titleRu: printedLine(300),
  titleJa: printedLine(300),
});

/** Sets the bilingual title a participant or a signatory carries in this meeting's documents. */
export async function updateTitle(actor: Actor | null, meetingId: string, input: unknown) {
  await editMeeting(actor, meetingId, async (tx, meeting) => {
    const { kind, id, titleRu, titleJa } = parseInput(titleInput, input);
    const rows = kind === "participant" ? meeting.participants : meeting.signatories;
    if (!rows.some((r) => r.id === id)) throw new AppError("NOT_FOUND");
    if (kind === "participant") await tx.participant.update({ where: { id }, data: { titleRu, titleJa } });
    else await tx.signatory.update({ where: { id }, data: { titleRu, titleJa } });
    // Spelt out per kind rather than as `{ [kind]: id }`, whose key the compiler cannot tie to the action.
    const events = {
      participant: { action: "participant.title-updated", data: { participant: id, titleRu, titleJa } },
      signatory: { action: "signatory.title-updated", data: { signatory: id, titleRu, titleJa } },
    } satisfies Record<typeof kind, MeetingEdit>;
    return { result: undefined, event: events[kind] };
  });
}
