import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db";
import type { CommuniqueSeed } from "./xxvii-data";
import { xxviiSeed } from "./xxvii-data";

/** Every demo account has this password (README, "Demo accounts"). */
export const DEMO_PASSWORD = "Kamchatka-2019";

export const STAFF_ACCOUNTS = [
  { email: "admin@communique.example", displayName: "Администратор", role: "ADMIN", locale: "en" },
  { email: "secretariat@communique.example", displayName: "Секретариат Ассоциации", role: "SECRETARIAT", locale: "ru" },
] as const;

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Seeds the XXVII meeting and the demo accounts into an empty database. Returns false if it was not empty. */
export async function seedDatabase(db: Db, seed: CommuniqueSeed = xxviiSeed): Promise<boolean> {
  if ((await db.meeting.count()) > 0 || (await db.user.count()) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(
    async (tx) => {
      const ids = new Map<string, string>();
      const id = (key: string) => {
        const value = ids.get(key);
        if (!value) throw new Error(`Seed refers to unknown key ${key}`);
        return value;
      };

      for (const a of seed.associations) {
        const row = await tx.association.create({
          data: { side: a.side, nameRu: a.name.ru, nameJa: a.name.ja, nameGenitiveRu: a.nameGenitive.ru },
        });
        ids.set(a.key, row.id);
      }
      for (const c of seed.cities) {
        const row = await tx.city.create({
          data: { side: c.side, nameRu: c.name.ru, nameJa: c.name.ja, nameLocativeRu: c.nameLocative },
        });
        ids.set(`city:${c.key}`, row.id);
      }
      for (const p of seed.people) {
        const row = await tx.person.create({
          data: { side: p.side, nameRu: p.name.ru, nameJa: p.name.ja, email: p.email, locale: p.locale },
        });
        ids.set(`person:${p.key}`, row.id);
      }

      const m = seed.meeting;
      const meeting = await tx.meeting.create({
        data: {
          ordinal: m.ordinal,
          number: m.number,
          nameRu: m.name.ru,
          nameJa: m.name.ja,
          hostCityId: id(`city:${m.hostCityKey}`),
          hostCountryRu: m.hostCountry.ru,
          hostCountryJa: m.hostCountry.ja,
          startDate: day(m.startDate),
          endDate: day(m.endDate),
          venueRu: m.venue.ru,
          venueJa: m.venue.ja,
          invitingAssociationId: id(m.invitingAssociationKey),
          guestAssociationId: id(m.guestAssociationKey),
          guestDelegationRu: m.guestDelegation.ru,
          guestDelegationJa: m.guestDelegation.ja,
          involvedCirclesRu: m.involvedCircles?.ru ?? null,
          involvedCirclesJa: m.involvedCircles?.ja ?? null,
          nextOrdinal: m.nextMeeting.ordinal,
          nextYear: m.nextMeeting.year,
          nextCountryRu: m.nextMeeting.country.ru,
          nextCountryJa: m.nextMeeting.country.ja,
          signingDate: day(m.signingDate),
          signingPlaceRu: m.signingPlace.ru,
          signingPlaceJa: m.signingPlace.ja,
        },
      });

      for (const [position, d] of seed.delegations.entries()) {
        const row = await tx.delegation.create({
          data: {
            meetingId: meeting.id,
            cityId: id(`city:${d.cityKey}`),
            side: d.side,
            position,
            headPersonId: id(`person:${d.headPersonKey}`),
            deputyPersonId: d.deputyPersonKey ? id(`person:${d.deputyPersonKey}`) : null,
          },
        });
        ids.set(`delegation:${d.key}`, row.id);
      }
      for (const [position, p] of seed.participants.entries()) {
        await tx.participant.create({
          data: {
            meetingId: meeting.id,
            delegationId: id(`delegation:${p.delegationKey}`),
            personId: id(`person:${p.personKey}`),
            titleRu: p.title.ru,
            titleJa: p.title.ja,
            position,
          },
        });
      }
      for (const [position, s] of seed.signatories.entries()) {
        await tx.signatory.create({
          data: {
            meetingId: meeting.id,
            personId: id(`person:${s.personKey}`),
            side: s.side,
            titleRu: s.title.ru,
            titleJa: s.title.ja,
            position,
          },
        });
      }
      for (const [position, t] of seed.topics.entries()) {
        const topic = await tx.agendaTopic.create({ data: { key: t.key, nameRu: t.name.ru, nameJa: t.name.ja } });
        ids.set(`topic:${t.key}`, topic.id);
        await tx.meetingTopic.create({
          data: { meetingId: meeting.id, topicId: topic.id, titleRu: t.title.ru, titleJa: t.title.ja, position },
        });
      }
      await tx.libraryClause.createMany({
        data: seed.libraryClauses.map((c) => ({
          topicId: c.topicKey ? id(`topic:${c.topicKey}`) : null,
          textRu: c.text.ru,
          textJa: c.text.ja,
        })),
      });

      await tx.user.createMany({ data: STAFF_ACCOUNTS.map((a) => ({ ...a, passwordHash })) });
      await tx.user.createMany({
        data: seed.people.map((p) => ({
          email: p.email,
          displayName: p.locale === "ja" ? p.name.ja : p.name.ru,
          role: "DELEGATE" as const,
          locale: p.locale,
          personId: id(`person:${p.key}`),
          passwordHash,
        })),
      });
    },
    { timeout: 60_000 },
  );
  return true;
}
