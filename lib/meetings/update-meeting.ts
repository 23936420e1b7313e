import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { isoDate, line, parseInput } from "@/lib/validation/fields";
import { getMeeting } from "./get-meeting";

export const meetingFactsInput = z
  .object({
    version: z.coerce.number().int().positive(),
    ordinal: line(12).pipe(z.string().regex(/^[IVXLCDM]+$/, { message: "invalid" })),
    nameRu: line(300),
    nameJa: line(300),
    startDate: isoDate,
    endDate: isoDate,
    venueRu: line(200),
    venueJa: line(200),
    hostCountryRu: line(100),
    hostCountryJa: line(100),
    nextOrdinal: line(12).pipe(z.string().regex(/^[IVXLCDM]+$/, { message: "invalid" })),
    nextYear: z.coerce.number({ message: "invalid" }).int({ message: "invalid" }).min(1970, { message: "invalid" }).max(2200, { message: "invalid" }),
    nextCountryRu: line(100),
    nextCountryJa: line(100),
    signingDate: isoDate,
    signingPlaceRu: line(100),
    signingPlaceJa: line(100),
  })
  .superRefine((v, ctx) => {
    if (v.endDate < v.startDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: "dateOrder" });
    if (v.signingDate < v.startDate || v.signingDate > v.endDate) {
      ctx.addIssue({ code: "custom", path: ["signingDate"], message: "signingOutsideMeeting" });
    }
  });

const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Edits a meeting's facts. The version guards against overwriting someone else's edit. */
export async function updateMeeting(actor: Actor | null, meetingId: string, input: unknown) {
  const meeting = await getMeeting(actor, meetingId);
  assertCan(actor, "meeting.edit");
  const { version, ...facts } = parseInput(meetingFactsInput, input);
  const data = {
    ...facts,
    startDate: asDate(facts.startDate),
    endDate: asDate(facts.endDate),
    signingDate: asDate(facts.signingDate),
  };
  await db.$transaction(async (tx) => {
    const { count } = await tx.meeting.updateMany({
      where: { id: meeting.id, version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("STALE_VERSION");
    await recordEvent(tx, {
      actorUserId: actor.userId,
      action: "meeting.updated",
      subjectType: "Meeting",
      subjectId: meeting.id,
      data: { version: version + 1, fields: changedFields(meeting, data) },
    });
  });
}

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after).filter((k) => {
    const a = before[k];
    const b = after[k];
    return a instanceof Date && b instanceof Date ? a.getTime() !== b.getTime() : a !== b;
  });
}
