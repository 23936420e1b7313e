import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { line, parseInput } from "@/lib/validation/fields";
import { getMeeting } from "./get-meeting";

const titleInput = z.object({
  kind: z.enum(["participant", "signatory"]),
  id: z.string().min(1),
  titleRu: line(300),
  titleJa: line(300),
});

/** Sets the bilingual title a participant or a signatory carries in this meeting's documents. */
export async function updateTitle(actor: Actor | null, meetingId: string, input: unknown) {
  const meeting = await getMeeting(actor, meetingId);
  assertCan(actor, "meeting.edit");
  const { kind, id, titleRu, titleJa } = parseInput(titleInput, input);
  const rows = kind === "participant" ? meeting.participants : meeting.signatories;
  if (!rows.some((r) => r.id === id)) throw new AppError("NOT_FOUND");
  await db.$transaction(async (tx) => {
    if (kind === "participant") await tx.participant.update({ where: { id }, data: { titleRu, titleJa } });
    else await tx.signatory.update({ where: { id }, data: { titleRu, titleJa } });
    await tx.meeting.update({ where: { id: meeting.id }, data: { version: { increment: 1 } } });
    await recordEvent(tx, {
      actorUserId: actor.userId,
      action: `${kind}.title-updated`,
      subjectType: "Meeting",
      subjectId: meeting.id,
      data: { [kind]: id, titleRu, titleJa },
    });
  });
}
