import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/fields";
import { editMeeting } from "./edit-meeting";
import { asDate, checkMeetingDates, meetingFactFields } from "./meeting-input";

export const meetingFactsInput = z
  .object({ version: z.coerce.number().int().positive(), ...meetingFactFields })
  .superRefine(checkMeetingDates);

/** Edits a meeting's facts. The version guards against overwriting someone else's edit. */
export async function updateMeeting(actor: Actor | null, meetingId: string, input: unknown) {
  const { version, ...facts } = parseInput(meetingFactsInput, input);
  const data = {
    ...facts,
    startDate: asDate(facts.startDate),
    endDate: asDate(facts.endDate),
    signingDate: asDate(facts.signingDate),
  };
  await editMeeting(actor, meetingId, async (tx, meeting) => {
    const { count } = await tx.meeting.updateMany({ where: { id: meeting.id, version }, data });
    if (count === 0) throw new AppError("STALE_VERSION");
    return { result: undefined, event: { action: "meeting.updated", data: { version: version + 1, fields: changedFields(meeting, data) } } };
  });
}

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after).filter((k) => {
    const a = before[k];
    const b = after[k];
    return a instanceof Date && b instanceof Date ? a.getTime() !== b.getTime() : a !== b;
  });
}
