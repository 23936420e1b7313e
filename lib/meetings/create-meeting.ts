import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { assertCan } from "@/lib/authz";
import { fromRoman } from "@/lib/communique/roman";
import { db, type Tx } from "@/lib/db";
import { printedLine } from "@/lib/directory/entry-input";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/fields";
import { asDate, checkBothOrNeither, checkMeetingDates, involvedCirclesFields, meetingFactFields } from "./meeting-input";
import { pickAssociation, pickCity } from "./pick-entries";

const id = z.string().trim().min(1, { message: "required" });

const createInput = z
  .object({
    ...meetingFactFields,
    ...involvedCirclesFields,
    number: z.coerce.number({ message: "invalid" }).int({ message: "invalid" }).min(1, { message: "invalid" }).max(3998, { message: "invalid" }),
    hostCityId: id,
    invitingAssociationId: id,
    guestAssociationId: id,
    guestDelegationRu: printedLine(300),
    guestDelegationJa: printedLine(300),
    fromMeetingId: z.string().trim().optional().transform((v) => v || null),
  })
  .superRefine(checkMeetingDates)
  .superRefine(checkBothOrNeither)
  .superRefine((v, ctx) => {
    if (romanValue(v.ordinal) !== v.number) ctx.addIssue({ code: "custom", path: ["ordinal"], message: "ordinalMismatch" });
    if (romanValue(v.nextOrdinal) !== v.number + 1) ctx.addIssue({ code: "custom", path: ["nextOrdinal"], message: "ordinalMismatch" });
    if (v.invitingAssociationId === v.guestAssociationId) ctx.addIssue({ code: "custom", path: ["guestAssociationId"], message: "duplicate" });
  });

function romanValue(ordinal: string): number | null {
  try {
    return fromRoman(ordinal);
  } catch {
    return null;
  }
}

/**
 * Creates the next meeting. With `fromMeetingId` it starts from an earlier meeting: its
 * delegations (heads and deputies), participants with their titles, signatories with their
 * titles and order, and topics are copied as a starting point, each row editable afterwards
 * (mayors change between meetings). Retired cities and people are not copied.
 */
export async function createMeeting(actor: Actor | null, input: unknown): Promise<{ id: string }> {
  assertCan(actor, "meeting.create");
  const { number, hostCityId, invitingAssociationId, guestAssociationId, fromMeetingId, ...facts } = parseInput(createInput, input);
  return db.$transaction(async (tx) => {
    const hostCity = await pickCity(tx, hostCityId, "hostCityId");
    const inviting = await pickAssociation(tx, invitingAssociationId, "invitingAssociationId");
    const guest = await pickAssociation(tx, guestAssociationId, "guestAssociationId");
    if (await tx.meeting.findUnique({ where: { number }, select: { id: true } })) throw new AppError("VALIDATION", {}, { number: "taken" });
    const source = fromMeetingId ? await tx.meeting.findUnique({ where: { id: fromMeetingId }, select: { id: true } }) : null;
    if (fromMeetingId && !source) throw new AppError("VALIDATION", {}, { fromMeetingId: "invalid" });
    const meeting = await tx.meeting.create({
      data: {
        ...facts,
        number,
        hostCityId: hostCity.id,
        invitingAssociationId: inviting.id,
        guestAssociationId: guest.id,
        startDate: asDate(facts.startDate),
        endDate: asDate(facts.endDate),
        signingDate: asDate(facts.signingDate),
      },
    });
    const copied = source ? await copyPeople(tx, source.id, meeting.id) : null;
    await recordEvent(tx, {
      actorUserId: actor.userId,
      action: "meeting.created",
      subjectType: "Meeting",
      subjectId: meeting.id,
      data: { number, ordinal: facts.ordinal, hostCity: hostCity.id, from: source?.id ?? null, copied },
    });
    return { id: meeting.id };
  }).catch(numberTaken);
}

/** Two secretaries creating the same number at once: the second is told, as if it had been there first. */
function numberTaken(error: unknown): never {
  if ((error as { code?: string } | null)?.code === "P2002") throw new AppError("VALIDATION", {}, { number: "taken" });
  throw error;
}

/** Copies an earlier meeting's delegations, participants, signatories and topics; returns how many of each. */
async function copyPeople(tx: Tx, fromId: string, toId: string) {
  const inUse = { retiredAt: null };
  const source = await tx.meeting.findUniqueOrThrow({
    where: { id: fromId },
    include: {
      delegations: { where: { city: inUse, head: inUse }, orderBy: [{ side: "asc" }, { position: "asc" }], include: { deputy: true, participants: { where: { person: inUse } } } },
      signatories: { where: { person: inUse }, orderBy: { position: "asc" } },
      topics: { where: { topic: inUse }, orderBy: { position: "asc" } },
    },
  });
  let participants = 0;
  for (const d of source.delegations) {
    const delegation = await tx.delegation.create({
      data: {
        meetingId: toId,
        cityId: d.cityId,
        side: d.side,
        position: d.position,
        headPersonId: d.headPersonId,
        deputyPersonId: d.deputy && !d.deputy.retiredAt ? d.deputy.id : null,
      },
    });
    for (const p of d.participants) {
      await tx.participant.create({ data: { meetingId: toId, delegationId: delegation.id, personId: p.personId, titleRu: p.titleRu, titleJa: p.titleJa, position: p.position } });
      participants += 1;
    }
  }
  for (const s of source.signatories) {
    await tx.signatory.create({ data: { meetingId: toId, personId: s.personId, side: s.side, titleRu: s.titleRu, titleJa: s.titleJa, position: s.position } });
  }
  for (const t of source.topics) {
    await tx.meetingTopic.create({ data: { meetingId: toId, topicId: t.topicId, titleRu: t.titleRu, titleJa: t.titleJa, position: t.position } });
  }
  return { delegations: source.delegations.length, participants, signatories: source.signatories.length, topics: source.topics.length };
}
