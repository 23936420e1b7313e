import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { printedLine } from "@/lib/directory/entry-input";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/fields";
import { editMeeting } from "./edit-meeting";
import { asDate, checkBothOrNeither, checkMeetingDates, involvedCirclesFields, meetingFactFields } from "./meeting-input";
import { pickAssociation, pickCity } from "./pick-entries";

const choice = z.string().trim().min(1, { message: "required" }).optional();

/**
 * The facts of the meeting form. Who hosts and invites, the guest delegation and the involved
 * circles may be left out (an older form, a script): what is not sent stays as it is.
 */
export const meetingFactsInput = z
  .object({
    version: z.coerce.number().int().positive(),
    ...meetingFactFields,
    hostCityId: choice,
    invitingAssociationId: choice,
    guestAssociationId: choice,
    guestDelegationRu: printedLine(300).optional(),
    guestDelegationJa: printedLine(300).optional(),
  })
  .superRefine(checkMeetingDates);

const circlesInput = z.object(involvedCirclesFields).superRefine(checkBothOrNeither);

/** Edits a meeting's facts. The version guards against overwriting someone else's edit. */
export async function updateMeeting(actor: Actor | null, meetingId: string, input: unknown) {
  await editMeeting(actor, meetingId, async (tx, meeting) => {
    const { version, hostCityId, invitingAssociationId, guestAssociationId, ...facts } = parseInput(meetingFactsInput, input);
    const sent = (key: string) => typeof input === "object" && input !== null && key in input;
    const circles = sent("involvedCirclesRu") || sent("involvedCirclesJa") ? parseInput(circlesInput, input) : {};
    // A host city or an association is kept as it stands even when retired since; a new choice must be in use.
    if (hostCityId && hostCityId !== meeting.hostCityId) await pickCity(tx, hostCityId, "hostCityId");
    if (invitingAssociationId && invitingAssociationId !== meeting.invitingAssociationId) await pickAssociation(tx, invitingAssociationId, "invitingAssociationId");
    if (guestAssociationId && guestAssociationId !== meeting.guestAssociationId) await pickAssociation(tx, guestAssociationId, "guestAssociationId");
    if ((invitingAssociationId ?? meeting.invitingAssociationId) === (guestAssociationId ?? meeting.guestAssociationId)) {
      throw new AppError("VALIDATION", {}, { guestAssociationId: "duplicate" });
    }
    const data = {
      ...facts,
      ...circles,
      ...(hostCityId ? { hostCityId } : {}),
      ...(invitingAssociationId ? { invitingAssociationId } : {}),
      ...(guestAssociationId ? { guestAssociationId } : {}),
      startDate: asDate(facts.startDate),
      endDate: asDate(facts.endDate),
      signingDate: asDate(facts.signingDate),
    };
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
