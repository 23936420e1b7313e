import { randomInt } from "node:crypto";
import { expect } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { toRoman } from "@/lib/communique/roman";
import { createCommunique } from "@/lib/communiques/create-communique";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { xxviiSeed } from "@/prisma/seed/xxvii-data";

/** Seeded delegate accounts used by the drafting tests. */
export const KALITA = "kalita@blagoveshchensk.example";
export const NAKAHARA = "nakahara@niigata.example";

/** The error a refused call threw; fails the test when the call succeeded or threw something else. */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a refusal, but the call succeeded");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const isUniqueViolation = (error: unknown) =>
  typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";

/**
 * A meeting of the calling test's own: the seeded XXVII meeting copied with a fresh number
 * (and the matching Roman ordinal), with its delegations, participants, signatories and
 * topics. Only one live communiqué per meeting is allowed, and on PostgreSQL every test file
 * shares one database, so each test that needs a communiqué starts from its own meeting.
 */
export async function createTestMeeting(): Promise<{ id: string; number: number; ordinal: string }> {
  const source = await db.meeting.findUniqueOrThrow({
    where: { number: 27 },
    include: {
      delegations: { orderBy: { position: "asc" } },
      participants: { orderBy: { position: "asc" } },
      signatories: { orderBy: { position: "asc" } },
      topics: { orderBy: { position: "asc" } },
    },
  });
  for (let attempt = 0; ; attempt += 1) {
    const number = randomInt(100, 3998);
    if (await db.meeting.findUnique({ where: { number } })) continue;
    try {
      return await db.$transaction(async (tx) => {
        const meeting = await tx.meeting.create({
          data: {
            ordinal: toRoman(number),
            number,
            nameRu: source.nameRu,
            nameJa: source.nameJa,
            hostCityId: source.hostCityId,
            hostCountryRu: source.hostCountryRu,
            hostCountryJa: source.hostCountryJa,
            startDate: source.startDate,
            endDate: source.endDate,
            venueRu: source.venueRu,
            venueJa: source.venueJa,
            invitingAssociationId: source.invitingAssociationId,
            guestAssociationId: source.guestAssociationId,
            guestDelegationRu: source.guestDelegationRu,
            guestDelegationJa: source.guestDelegationJa,
            involvedCirclesRu: source.involvedCirclesRu,
            involvedCirclesJa: source.involvedCirclesJa,
            nextOrdinal: toRoman(number + 1),
            nextYear: source.nextYear,
            nextCountryRu: source.nextCountryRu,
            nextCountryJa: source.nextCountryJa,
            signingDate: source.signingDate,
            signingPlaceRu: source.signingPlaceRu,
            signingPlaceJa: source.signingPlaceJa,
          },
        });
        const delegationIds = new Map<string, string>();
        for (const d of source.delegations) {
          const copy = await tx.delegation.create({
            data: {
              meetingId: meeting.id,
              cityId: d.cityId,
              side: d.side,
              position: d.position,
              headPersonId: d.headPersonId,
              deputyPersonId: d.deputyPersonId,
            },
          });
          delegationIds.set(d.id, copy.id);
        }
        await tx.participant.createMany({
          data: source.participants.map((p) => ({
            meetingId: meeting.id,
            delegationId: delegationIds.get(p.delegationId)!,
            personId: p.personId,
            titleRu: p.titleRu,
            titleJa: p.titleJa,
            position: p.position,
          })),
        });
        await tx.signatory.createMany({
          data: source.signatories.map((s) => ({
            meetingId: meeting.id,
            personId: s.personId,
            side: s.side,
            titleRu: s.titleRu,
            titleJa: s.titleJa,
            position: s.position,
          })),
        });
        await tx.meetingTopic.createMany({
          data: source.topics.map((t) => ({
            meetingId: meeting.id,
            topicId: t.topicId,
            titleRu: t.titleRu,
            titleJa: t.titleJa,
            position: t.position,
          })),
        });
        return { id: meeting.id, number: meeting.number, ordinal: meeting.ordinal };
      });
    } catch (error) {
      // Someone else took the number between the check and the insert: pick another one.
      if (!isUniqueViolation(error) || attempt > 10) throw error;
    }
  }
}

/** A fresh meeting and its new (empty, DRAFT) communiqué, started by `secretariat`. */
export async function createTestCommunique(secretariat: Actor): Promise<{ meetingId: string; communiqueId: string }> {
  const meeting = await createTestMeeting();
  const { id } = await createCommunique(secretariat, meeting.id);
  return { meetingId: meeting.id, communiqueId: id };
}

export type LibraryKey = (typeof xxviiSeed.libraryClauses)[number]["key"];

/** The seeded library clause with this seed key (the first one with its text). */
export async function seededLibraryClause(key: LibraryKey) {
  const seed = xxviiSeed.libraryClauses.find((c) => c.key === key);
  if (!seed) throw new Error(`No seeded library clause "${key}"`);
  return db.libraryClause.findFirstOrThrow({
    where: { textRu: seed.text.ru, textJa: seed.text.ja },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** The seed text of a library clause. */
export function seedText(key: LibraryKey): { ru: string; ja: string } {
  const seed = xxviiSeed.libraryClauses.find((c) => c.key === key);
  if (!seed) throw new Error(`No seeded library clause "${key}"`);
  return { ru: seed.text.ru, ja: seed.text.ja };
}
