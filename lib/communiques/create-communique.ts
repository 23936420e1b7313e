import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { getMeeting } from "@/lib/meetings/get-meeting";
import { EDITABLE_PARTS } from "./draft-sources";

/**
 * Starts the communiqué of a meeting with the standard structure, every part generated from
 * the meeting's data. One communiqué per meeting (a cancelled one can be replaced).
 */
export async function createCommunique(actor: Actor | null, meetingId: string): Promise<{ id: string }> {
  const meeting = await getMeeting(actor, meetingId);
  assertCan(actor, "communique.create");
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Meeting" WHERE "id" = ${meeting.id} FOR UPDATE`;
    const existing = await tx.communique.findFirst({ where: { meetingId: meeting.id, status: { not: "CANCELLED" } } });
    if (existing) throw new AppError("ALREADY_EXISTS", {}, {}, { id: existing.id });
    // The standard parts are generated from these: without them there is no document to edit.
    const { _count: has } = await tx.meeting.findUniqueOrThrow({
      where: { id: meeting.id },
      select: { _count: { select: { delegations: true, topics: true, signatories: true } } },
    });
    const missing = has.delegations === 0 ? "delegations" : has.topics === 0 ? "topics" : has.signatories === 0 ? "signatories" : null;
    if (missing) throw new AppError("MEETING_INCOMPLETE", { missing });
    const communique = await tx.communique.create({
      data: { meetingId: meeting.id, parts: { create: EDITABLE_PARTS.map((kind) => ({ kind })) } },
    });
    await recordEvent(tx, {
      actorUserId: actor.userId,
      action: "communique.created",
      subjectType: "Communique",
      subjectId: communique.id,
      data: { meeting: meeting.id },
    });
    return { id: communique.id };
  });
}
