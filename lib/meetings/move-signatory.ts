import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/fields";
import { getMeeting } from "./get-meeting";

const moveInput = z.object({ id: z.string().min(1), direction: z.enum(["up", "down"]) });

/** Moves a signatory one place in the signing order (the PDF pairs RU and JP blocks by this order). */
export async function moveSignatory(actor: Actor | null, meetingId: string, input: unknown) {
  const meeting = await getMeeting(actor, meetingId);
  assertCan(actor, "meeting.edit");
  const { id, direction } = parseInput(moveInput, input);
  const order = meeting.signatories.map((s) => s.id);
  const from = order.indexOf(id);
  if (from < 0) throw new AppError("NOT_FOUND");
  const to = direction === "up" ? from - 1 : from + 1;
  if (to < 0 || to >= order.length) return;
  [order[from], order[to]] = [order[to]!, order[from]!];
  await db.$transaction(async (tx) => {
    for (const [position, signatoryId] of order.entries()) {
      await tx.signatory.update({ where: { id: signatoryId }, data: { position } });
    }
    await tx.meeting.update({ where: { id: meeting.id }, data: { version: { increment: 1 } } });
    await recordEvent(tx, {
      actorUserId: actor.userId,
      action: "signatory.moved",
      subjectType: "Meeting",
      subjectId: meeting.id,
      data: { signatory: id, direction, order },
    });
  });
}
