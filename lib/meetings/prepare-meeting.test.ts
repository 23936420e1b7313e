import { randomInt, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { toRoman } from "@/lib/communique/roman";
import { db, type Side } from "@/lib/db";
import { openSigning } from "@/lib/signatures/open-signing";
import { declineSigning } from "@/lib/signatures/decline-signing";
import {
  approvalActors,
  decideAs,
  delegationOf,
  GLADKIKH,
  KALITA,
  KRAVCHUK,
  NAKAHARA,
  outsider,
  statusOf,
  submittedCommunique,
  TATAMI,
  type Actors,
} from "@/lib/testing/approval-fixtures";
import { createTestMeeting, refusal } from "@/lib/testing/drafting-fixtures";
import { approvedCommunique, signAs, signatoryOf, useSigningDatabase } from "@/lib/testing/signing-fixtures";
import { actorFor, ADMIN, SECRETARIAT } from "@/lib/testing/test-db";
import { addDelegation } from "./add-delegation";
import { addParticipant } from "./add-participant";
import { addSignatory } from "./add-signatory";
import { addTopic } from "./add-topic";
import { createMeeting } from "./create-meeting";
import { moveRow } from "./move-row";
import { newMeetingDefaults } from "./new-meeting-defaults";
import { removeDelegation } from "./remove-delegation";
import { removeRow } from "./remove-row";
import { updateDelegation } from "./update-delegation";

// The signing database: approval and signing fixtures queue mail, which must be delivered
// (to the outbox) before the database closes.
useSigningDatabase();

let secretariat: Actor;
let admin: Actor;
let nakahara: Actor;
let kalita: Actor;
let xxviiId: string;
let niigataId: string;
type Association = { id: string; nameJa: string; nameGenitiveRu: string };
let ruAssociation: Association;
let jpAssociation: Association;

beforeAll(async () => {
  [secretariat, admin, nakahara, kalita] = await Promise.all([actorFor(SECRETARIAT), actorFor(ADMIN), actorFor(NAKAHARA), actorFor(KALITA)]);
  xxviiId = (await db.meeting.findUniqueOrThrow({ where: { number: 27 } })).id;
  niigataId = (await db.city.findFirstOrThrow({ where: { nameRu: "Ниигата" } })).id;
  ruAssociation = await db.association.findFirstOrThrow({ where: { side: "RU", nameJa: "ロ日極東シベリア友好協会" } });
  jpAssociation = await db.association.findFirstOrThrow({ where: { side: "JP", nameJa: "日ロ沿岸市長会" } });
});

// ---------------------------------------------------------------------------------------
// Directory entries of this file's own. On PostgreSQL every test file shares one database,
// so the seeded entries are never retired or changed here, and names carry a random tag.

const tag = () => randomUUID().slice(0, 8);

const newCity = (side: Side, nameRu: string, nameJa: string) => {
  const t = tag();
  return db.city.create({ data: { side, nameRu: `${nameRu} ${t}`, nameJa: `${nameJa}${t}`, nameLocativeRu: `${nameRu} ${t}` } });
};

const newPerson = (side: Side, nameRu = side === "RU" ? "Петров П. П." : "САТО Таро", nameJa = side === "RU" ? "P・P・ペトロフ" : "佐藤太郎") => {
  const t = tag();
  return db.person.create({ data: { side, nameRu: `${nameRu} ${t}`, nameJa: `${nameJa}${t}`, locale: side === "RU" ? "ru" : "ja" } });
};

const newTopic = () => {
  const t = tag();
  return db.agendaTopic.create({ data: { key: `test-${t}`, nameRu: `тема ${t}`, nameJa: `テーマ${t}` } });
};

const retired = { retiredAt: new Date("2020-01-01T00:00:00Z") };
const retireCity = (id: string) => db.city.update({ where: { id }, data: retired });
const retirePerson = (id: string) => db.person.update({ where: { id }, data: retired });
const retireTopic = (id: string) => db.agendaTopic.update({ where: { id }, data: retired });

// ---------------------------------------------------------------------------------------
// Meetings

/**
 * A number no meeting has yet, for a meeting made through createMeeting. Drawn from 28–998:
 * past the seeded XXVII, and in the range every use case and fixture can write in Roman numerals.
 */
async function freeNumber(): Promise<number> {
  for (;;) {
    const number = randomInt(28, 999);
    if (!(await db.meeting.findUnique({ where: { number } }))) return number;
  }
}

/** The "New meeting" form as it posts: XXVIII-like, hosted by Niigata, 5–7 October 2021. */
function meetingForm(number: number, changes: Record<string, unknown> = {}) {
  return {
    number: String(number),
    ordinal: toRoman(number),
    nameRu: "Встреча мэров городов Сибири и Дальнего Востока РФ и мэров городов Западного побережья Японии",
    nameJa: "日ロ沿岸市長会議",
    startDate: "2021-10-05",
    endDate: "2021-10-07",
    venueRu: "Отель «Окура», Ниигата",
    venueJa: "ホテルオークラ新潟",
    hostCityId: niigataId,
    hostCountryRu: "Япония",
    hostCountryJa: "日本",
    invitingAssociationId: jpAssociation.id,
    guestAssociationId: ruAssociation.id,
    guestDelegationRu: ruAssociation.nameGenitiveRu,
    guestDelegationJa: ruAssociation.nameJa,
    involvedCirclesRu: "представителей экономических кругов",
    involvedCirclesJa: "経済界の関係者",
    nextOrdinal: toRoman(number + 1),
    nextYear: "2023",
    nextCountryRu: "Россия",
    nextCountryJa: "ロシア",
    signingDate: "2021-10-07",
    signingPlaceRu: "Ниигата",
    signingPlaceJa: "新潟市",
    fromMeetingId: "",
    ...changes,
  };
}

/** A meeting of the calling test's own, made through createMeeting from XXVII (8 delegations, 8 participants, 8 signatories, 2 topics). */
async function meetingFromXxvii(): Promise<string> {
  return (await createMeeting(secretariat, meetingForm(await freeNumber(), { fromMeetingId: xxviiId }))).id;
}

const meetingRow = (id: string) => db.meeting.findUniqueOrThrow({ where: { id } });
const meetingEvents = (meetingId: string) =>
  db.auditEvent.findMany({ where: { subjectType: "Meeting", subjectId: meetingId }, orderBy: { seq: "asc" } });

/** A meeting's people and topics, as comparable rows (no ids, which differ between copies), in their order. */
async function peopleOf(meetingId: string) {
  const m = await db.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    include: {
      delegations: { orderBy: [{ side: "asc" }, { position: "asc" }] },
      participants: { orderBy: { position: "asc" }, include: { delegation: true } },
      signatories: { orderBy: { position: "asc" } },
      topics: { orderBy: { position: "asc" } },
    },
  });
  // A participant must belong to a delegation of the same meeting, never to the source's.
  for (const p of m.participants) expect(p.delegation.meetingId).toBe(meetingId);
  return {
    delegations: m.delegations.map((d) => ({ cityId: d.cityId, side: d.side, position: d.position, headPersonId: d.headPersonId, deputyPersonId: d.deputyPersonId })),
    participants: m.participants.map((p) => ({ personId: p.personId, cityId: p.delegation.cityId, titleRu: p.titleRu, titleJa: p.titleJa, position: p.position })),
    signatories: m.signatories.map((s) => ({ personId: s.personId, side: s.side, titleRu: s.titleRu, titleJa: s.titleJa, position: s.position })),
    topics: m.topics.map((t) => ({ topicId: t.topicId, titleRu: t.titleRu, titleJa: t.titleJa, position: t.position })),
  };
}

/** Everything a meeting change could touch: the meeting row (version, updatedAt), its rows, and the audit trail. */
async function snapshot(meetingId: string) {
  const byId = { orderBy: { id: "asc" } } as const;
  return {
    meeting: await db.meeting.findUniqueOrThrow({
      where: { id: meetingId },
      include: { delegations: byId, participants: byId, signatories: byId, topics: byId },
    }),
    // Every audit event, not only the meeting's: a refused change records nothing anywhere.
    events: await db.auditEvent.count(),
  };
}

/**
 * Expects the call to be refused with `code`, the meeting, its rows and the audit trail staying
 * as they were. `label` names the call in a failure message when several are checked in a loop.
 */
async function expectRefusedUnchanged(meetingId: string, call: () => Promise<unknown>, code: string, label?: string) {
  const before = await snapshot(meetingId);
  const error = await refusal(call());
  expect(error.code, label).toBe(code);
  expect(await snapshot(meetingId), label).toEqual(before);
  return error;
}

/** Runs a change that must go through: the version goes up by one and exactly one audit event, `action`, is written for the meeting. */
async function expectEdited<T>(meetingId: string, action: string, call: () => Promise<T>) {
  const { version } = await meetingRow(meetingId);
  const events = await db.auditEvent.count();
  const result = await call();
  expect((await meetingRow(meetingId)).version).toBe(version + 1);
  expect(await db.auditEvent.count()).toBe(events + 1);
  const event = (await meetingEvents(meetingId)).at(-1)!;
  expect(event).toMatchObject({ action, actorUserId: secretariat.userId, subjectType: "Meeting", subjectId: meetingId });
  return { result, data: event.data as Record<string, unknown> };
}

/** Expects the call to change nothing at all: no version, no row, no audit event (a move past the end of a list). */
async function expectNoChange(meetingId: string, call: () => Promise<unknown>) {
  const before = await snapshot(meetingId);
  await call();
  expect(await snapshot(meetingId)).toEqual(before);
}

/** Delegations in one order whatever the database's order of the Side enum. */
const bySideAndPosition = (a: { side: string; position: number }, b: { side: string; position: number }) =>
  a.side.localeCompare(b.side) || a.position - b.position;

/** The ids of a meeting's participants, signatories or topics, in their order. */
const byPosition = (meetingId: string) => ({ where: { meetingId }, orderBy: { position: "asc" as const }, select: { id: true } });
const participantIds = async (meetingId: string) => (await db.participant.findMany(byPosition(meetingId))).map((r) => r.id);
const signatoryIds = async (meetingId: string) => (await db.signatory.findMany(byPosition(meetingId))).map((r) => r.id);
const topicIds = async (meetingId: string) => (await db.meetingTopic.findMany(byPosition(meetingId))).map((r) => r.id);

// =======================================================================================

describe("newMeetingDefaults", () => {
  // The suggestion follows the latest meeting (the highest number). On the embedded database
  // this file has its own, and nothing has been created yet: the latest is the seeded XXVII.
  // On PostgreSQL it may be another file's, so the rule is checked against whichever it is.
  const country = { RU: { ru: "Россия", ja: "ロシア" }, JP: { ru: "Япония", ja: "日本" } } as const;

  it("suggests the next number, the other side as host, its association inviting, and the meeting after back on this side", async () => {
    const latest = await db.meeting.findFirstOrThrow({ orderBy: { number: "desc" }, include: { hostCity: true } });
    const defaults = await newMeetingDefaults(secretariat);

    const hostSide: Side = latest.hostCity.side === "RU" ? "JP" : "RU";
    const guestSide: Side = hostSide === "RU" ? "JP" : "RU";
    const seededAssociation = { RU: ruAssociation, JP: jpAssociation };
    const roman = (n: number) => (n <= 3999 ? toRoman(n) : "");
    expect(defaults).toEqual({
      number: String(latest.number + 1),
      ordinal: roman(latest.number + 1),
      nameRu: latest.nameRu,
      nameJa: latest.nameJa,
      hostSide,
      hostCountryRu: country[hostSide].ru,
      hostCountryJa: country[hostSide].ja,
      invitingAssociationId: seededAssociation[hostSide].id,
      guestAssociationId: seededAssociation[guestSide].id,
      // "…the delegation of the Association of …": the guest association's genitive.
      guestDelegationRu: seededAssociation[guestSide].nameGenitiveRu,
      guestDelegationJa: seededAssociation[guestSide].nameJa,
      involvedCirclesRu: latest.involvedCirclesRu ?? "",
      involvedCirclesJa: latest.involvedCirclesJa ?? "",
      nextOrdinal: roman(latest.number + 2),
      nextYear: String(latest.startDate.getUTCFullYear() + 4),
      nextCountryRu: country[guestSide].ru,
      nextCountryJa: country[guestSide].ja,
      fromMeetingId: latest.id,
    });

    if (latest.id === xxviiId) {
      // After XXVII (Petropavlovsk-Kamchatsky, 2019): XXVIII in Japan in 2021, the Japanese
      // association inviting the Russian one, and XXIX in Russia in 2023.
      expect(defaults).toMatchObject({
        number: "28",
        ordinal: "XXVIII",
        hostSide: "JP",
        hostCountryRu: "Япония",
        hostCountryJa: "日本",
        invitingAssociationId: jpAssociation.id,
        guestAssociationId: ruAssociation.id,
        guestDelegationRu: ruAssociation.nameGenitiveRu,
        guestDelegationJa: ruAssociation.nameJa,
        nextOrdinal: "XXIX",
        nextYear: "2023",
        nextCountryRu: "Россия",
        nextCountryJa: "ロシア",
        fromMeetingId: xxviiId,
      });
    }
  });

  it("refuses delegates and the admin (FORBIDDEN) and anonymous callers (UNAUTHENTICATED)", async () => {
    for (const actor of [nakahara, kalita, admin]) expect((await refusal(newMeetingDefaults(actor))).code).toBe("FORBIDDEN");
    expect((await refusal(newMeetingDefaults(null))).code).toBe("UNAUTHENTICATED");
  });
});

// =======================================================================================

describe("createMeeting", () => {
  it("creates a meeting hosted in Japan starting from XXVII: delegations, participants, signatories and topics copied", async () => {
    const source = await peopleOf(xxviiId);
    expect(source.delegations).toHaveLength(8);
    const number = await freeNumber();

    const { id } = await createMeeting(secretariat, meetingForm(number, { fromMeetingId: xxviiId }));

    const meeting = await meetingRow(id);
    expect(meeting).toMatchObject({
      number,
      ordinal: toRoman(number),
      hostCityId: niigataId,
      hostCountryJa: "日本",
      venueRu: "Отель «Окура», Ниигата",
      startDate: new Date("2021-10-05T00:00:00Z"),
      endDate: new Date("2021-10-07T00:00:00Z"),
      signingDate: new Date("2021-10-07T00:00:00Z"),
      invitingAssociationId: jpAssociation.id,
      guestAssociationId: ruAssociation.id,
      involvedCirclesRu: "представителей экономических кругов",
      involvedCirclesJa: "経済界の関係者",
      nextOrdinal: toRoman(number + 1),
      nextYear: 2023,
      version: 1,
    });
    // Heads and deputies (Khabarovsk: Kravchuk, deputy Ivanova), titles, the signing order
    // and the topics are the same as XXVII's; the source keeps its own rows.
    expect(await peopleOf(id)).toEqual(source);
    expect(await peopleOf(xxviiId)).toEqual(source);

    const [event] = await meetingEvents(id);
    expect(event).toMatchObject({ action: "meeting.created", actorUserId: secretariat.userId });
    expect(event!.data).toEqual({
      number,
      ordinal: toRoman(number),
      hostCity: niigataId,
      from: xxviiId,
      copied: { delegations: 8, participants: source.participants.length, signatories: source.signatories.length, topics: source.topics.length },
    });
  });

  it("copies nothing without a meeting to start from", async () => {
    const number = await freeNumber();
    const { id } = await createMeeting(secretariat, meetingForm(number, { involvedCirclesRu: "", involvedCirclesJa: "" }));
    expect(await peopleOf(id)).toEqual({ delegations: [], participants: [], signatories: [], topics: [] });
    // Involved circles left out in both languages are stored as none.
    expect(await meetingRow(id)).toMatchObject({ involvedCirclesRu: null, involvedCirclesJa: null });
    const events = await meetingEvents(id);
    expect(events.map((e) => e.data)).toEqual([{ number, ordinal: toRoman(number), hostCity: niigataId, from: null, copied: null }]);
  });

  it("does not copy retired cities, people and topics", async () => {
    // A meeting of this file's own with entries of its own, some of them retired since.
    const source = await createTestMeeting();
    const retiredCity = await newCity("RU", "Уссурийск", "ウスリースク市");
    const keptCity = await newCity("JP", "Сакаиминато", "境港市");
    const headOfRetiredCity = await newPerson("RU");
    const retiredHead = await newPerson("JP");
    const cityOfRetiredHead = await newCity("JP", "Вакканай", "稚内市");
    const head = await newPerson("JP");
    const retiredDeputy = await newPerson("JP");
    const retiredParticipant = await newPerson("JP");
    const retiredSigner = await newPerson("RU");
    const signer = await newPerson("JP");
    const [retiredTopic, topic] = [await newTopic(), await newTopic()];

    const delegation = (cityId: string, side: Side, headPersonId: string, deputyPersonId: string | null = null) =>
      db.delegation.create({ data: { meetingId: source.id, cityId, side, position: 10, headPersonId, deputyPersonId } });
    const inRetiredCity = await delegation(retiredCity.id, "RU", headOfRetiredCity.id);
    await delegation(cityOfRetiredHead.id, "JP", retiredHead.id);
    const kept = await delegation(keptCity.id, "JP", head.id, retiredDeputy.id);
    const participant = (delegationId: string, personId: string, position: number) =>
      db.participant.create({ data: { meetingId: source.id, delegationId, personId, titleRu: "Мэр", titleJa: "市長", position } });
    await participant(inRetiredCity.id, headOfRetiredCity.id, 20);
    await participant(kept.id, head.id, 21);
    await participant(kept.id, retiredParticipant.id, 22);
    for (const [position, personId] of [retiredSigner.id, signer.id].entries()) {
      await db.signatory.create({ data: { meetingId: source.id, personId, side: position ? "JP" : "RU", titleRu: "Мэр", titleJa: "市長", position: 20 + position } });
    }
    for (const [position, t] of [retiredTopic, topic].entries()) {
      await db.meetingTopic.create({ data: { meetingId: source.id, topicId: t.id, titleRu: t.nameRu, titleJa: t.nameJa, position: 20 + position } });
    }
    await retireCity(retiredCity.id);
    for (const p of [retiredHead, retiredDeputy, retiredParticipant, retiredSigner]) await retirePerson(p.id);
    await retireTopic(retiredTopic.id);

    const { id } = await createMeeting(secretariat, meetingForm(await freeNumber(), { fromMeetingId: source.id }));

    // XXVII's people (all in use) plus the kept delegation, without its retired deputy.
    const xxvii = await peopleOf(xxviiId);
    const copy = await peopleOf(id);
    const keptDelegation = { cityId: keptCity.id, side: "JP" as const, position: 10, headPersonId: head.id, deputyPersonId: null };
    expect(copy.delegations.sort(bySideAndPosition)).toEqual([...xxvii.delegations, keptDelegation].sort(bySideAndPosition));
    expect(copy.participants).toEqual([...xxvii.participants, { personId: head.id, cityId: keptCity.id, titleRu: "Мэр", titleJa: "市長", position: 21 }]);
    expect(copy.signatories).toEqual([...xxvii.signatories, { personId: signer.id, side: "JP", titleRu: "Мэр", titleJa: "市長", position: 21 }]);
    expect(copy.topics).toEqual([...xxvii.topics, { topicId: topic.id, titleRu: topic.nameRu, titleJa: topic.nameJa, position: 21 }]);
    expect((await meetingEvents(id))[0]!.data).toMatchObject({
      from: source.id,
      copied: { delegations: 9, participants: xxvii.participants.length + 1, signatories: xxvii.signatories.length + 1, topics: xxvii.topics.length + 1 },
    });
  });

  describe("refusals (no meeting created, no audit event)", () => {
    /** Expects createMeeting to refuse with `code`, and no meeting nor audit event to appear. */
    async function refusedCreate(actor: Actor | null, input: Record<string, unknown>, code: string) {
      const before = { meetings: await db.meeting.count(), events: await db.auditEvent.count() };
      const error = await refusal(createMeeting(actor, input));
      expect(error.code).toBe(code);
      expect({ meetings: await db.meeting.count(), events: await db.auditEvent.count() }).toEqual(before);
      return error;
    }
    const invalid = async (changes: Record<string, unknown>) => (await refusedCreate(secretariat, meetingForm(await freeNumber(), changes), "VALIDATION")).fieldErrors;

    it("refuses a number already taken", async () => {
      const xxvii = await meetingRow(xxviiId);
      const error = await refusedCreate(secretariat, meetingForm(27, { fromMeetingId: xxviiId }), "VALIDATION");
      expect(error.fieldErrors).toEqual({ number: "taken" });
      expect(await meetingRow(xxviiId)).toEqual(xxvii);
    });

    it("refuses an ordinal (or the next meeting's) that does not match the number", async () => {
      const number = await freeNumber();
      expect((await refusedCreate(secretariat, meetingForm(number, { ordinal: toRoman(number + 1) }), "VALIDATION")).fieldErrors).toEqual({ ordinal: "ordinalMismatch" });
      expect((await refusedCreate(secretariat, meetingForm(number, { nextOrdinal: toRoman(number) }), "VALIDATION")).fieldErrors).toEqual({ nextOrdinal: "ordinalMismatch" });
      expect(await db.meeting.findUnique({ where: { number } })).toBeNull();
    });

    it("refuses an end before the start", async () => {
      expect(await invalid({ startDate: "2021-10-05", endDate: "2021-10-04", signingDate: "2021-10-05" })).toEqual({
        endDate: "dateOrder",
        signingDate: "signingOutsideMeeting",
      });
    });

    it("refuses the same association as inviting and guest", async () => {
      expect(await invalid({ guestAssociationId: jpAssociation.id })).toEqual({ guestAssociationId: "duplicate" });
    });

    it("refuses involved circles in one language only, asking for the other", async () => {
      expect(await invalid({ involvedCirclesJa: "" })).toEqual({ involvedCirclesJa: "required" });
      expect(await invalid({ involvedCirclesRu: "  " })).toEqual({ involvedCirclesRu: "required" });
    });

    it("refuses a country the sentences cannot put after «в», instead of printing bad grammar", async () => {
      expect(await invalid({ hostCountryRu: "Китай" })).toEqual({ hostCountryRu: "unknownCountry" });
      expect(await invalid({ nextCountryRu: "Корея" })).toEqual({ nextCountryRu: "unknownCountry" });
    });

    it("refuses a character the PDF cannot draw", async () => {
      expect(await invalid({ nameRu: "Встреча мэров 🙂" })).toEqual({ nameRu: "undrawable" });
      expect(await invalid({ guestDelegationJa: "協会🎌" })).toEqual({ guestDelegationJa: "undrawable" });
    });

    it("refuses a retired or unknown host city, and an unknown meeting to start from", async () => {
      const city = await newCity("JP", "Цуруга", "敦賀市");
      await retireCity(city.id);
      expect(await invalid({ hostCityId: city.id })).toEqual({ hostCityId: "invalid" });
      expect(await invalid({ hostCityId: "no-such-city" })).toEqual({ hostCityId: "invalid" });
      expect(await invalid({ fromMeetingId: "no-such-meeting" })).toEqual({ fromMeetingId: "invalid" });
    });

    it("refuses delegates and the admin (FORBIDDEN) and anonymous callers (UNAUTHENTICATED)", async () => {
      const input = meetingForm(await freeNumber(), { fromMeetingId: xxviiId });
      for (const actor of [nakahara, kalita, admin]) await refusedCreate(actor, input, "FORBIDDEN");
      await refusedCreate(null, input, "UNAUTHENTICATED");
    });
  });
});

// =======================================================================================

describe("delegations", () => {
  let meetingId: string;
  let vladivostokId: string;
  let headId: string;
  let delegationId: string;

  beforeAll(async () => {
    meetingId = await meetingFromXxvii();
  });

  it("adds Vladivostok's delegation with a new head and deputy at the end of the Russian side", async () => {
    const vladivostok = await newCity("RU", "Владивосток", "ウラジオストク市");
    const [head, deputy] = [await newPerson("RU"), await newPerson("RU")];
    [vladivostokId, headId] = [vladivostok.id, head.id];
    const russian = (await peopleOf(meetingId)).delegations.filter((d) => d.side === "RU");

    const { result, data } = await expectEdited(meetingId, "delegation.added", () =>
      addDelegation(secretariat, meetingId, { cityId: vladivostok.id, headPersonId: head.id, deputyPersonId: deputy.id }),
    );

    delegationId = result!.id;
    expect(await db.delegation.findUniqueOrThrow({ where: { id: delegationId } })).toMatchObject({
      meetingId,
      cityId: vladivostok.id,
      side: "RU",
      position: Math.max(...russian.map((d) => d.position)) + 1,
      headPersonId: head.id,
      deputyPersonId: deputy.id,
    });
    expect(data).toEqual({ delegation: delegationId, city: vladivostok.id, head: head.id, deputy: deputy.id });
  });

  it("refuses a second delegation of the same city, a head or deputy from the other side, and the head as deputy", async () => {
    const ussuriysk = await newCity("RU", "Уссурийск", "ウスリースク市");
    const japanese = await newPerson("JP");
    const add = (input: Record<string, unknown>) => expectRefusedUnchanged(meetingId, () => addDelegation(secretariat, meetingId, input), "VALIDATION");

    expect((await add({ cityId: vladivostokId, headPersonId: (await newPerson("RU")).id })).fieldErrors).toEqual({ cityId: "duplicate" });
    expect((await add({ cityId: ussuriysk.id, headPersonId: japanese.id })).fieldErrors).toEqual({ headPersonId: "otherSide" });
    expect((await add({ cityId: ussuriysk.id, headPersonId: headId, deputyPersonId: japanese.id })).fieldErrors).toEqual({ deputyPersonId: "otherSide" });
    expect((await add({ cityId: ussuriysk.id, headPersonId: headId, deputyPersonId: headId })).fieldErrors).toEqual({ deputyPersonId: "duplicate" });
  });

  it("refuses a retired or unknown city or person", async () => {
    const city = await newCity("RU", "Артём", "アルチョム市");
    const person = await newPerson("RU");
    await retireCity(city.id);
    await retirePerson(person.id);
    const fresh = await newCity("RU", "Находка-2", "ナホトカ2");
    const add = (input: Record<string, unknown>) => expectRefusedUnchanged(meetingId, () => addDelegation(secretariat, meetingId, input), "VALIDATION");
    expect((await add({ cityId: city.id, headPersonId: headId })).fieldErrors).toEqual({ cityId: "invalid" });
    expect((await add({ cityId: "no-such-city", headPersonId: headId })).fieldErrors).toEqual({ cityId: "invalid" });
    expect((await add({ cityId: fresh.id, headPersonId: person.id })).fieldErrors).toEqual({ headPersonId: "invalid" });
    expect((await add({ cityId: fresh.id, headPersonId: headId, deputyPersonId: person.id })).fieldErrors).toEqual({ deputyPersonId: "invalid" });
  });

  it("changes the head and the deputy; the same head and deputy again change nothing", async () => {
    const newHead = await newPerson("RU");
    const { data } = await expectEdited(meetingId, "delegation.updated", () =>
      updateDelegation(secretariat, meetingId, { id: delegationId, headPersonId: newHead.id, deputyPersonId: "" }),
    );
    expect(await db.delegation.findUniqueOrThrow({ where: { id: delegationId } })).toMatchObject({ headPersonId: newHead.id, deputyPersonId: null });
    expect(data).toEqual({ delegation: delegationId, head: newHead.id, deputy: null });
    await expectNoChange(meetingId, () => updateDelegation(secretariat, meetingId, { id: delegationId, headPersonId: newHead.id }));
    headId = newHead.id;
  });

  it("refuses a head or deputy from the other side, the head as deputy, and an unknown delegation", async () => {
    const japanese = await newPerson("JP");
    const update = (input: Record<string, unknown>) => updateDelegation(secretariat, meetingId, { id: delegationId, headPersonId: headId, ...input });
    expect((await expectRefusedUnchanged(meetingId, () => update({ headPersonId: japanese.id }), "VALIDATION")).fieldErrors).toEqual({ headPersonId: "otherSide" });
    expect((await expectRefusedUnchanged(meetingId, () => update({ deputyPersonId: japanese.id }), "VALIDATION")).fieldErrors).toEqual({ deputyPersonId: "otherSide" });
    expect((await expectRefusedUnchanged(meetingId, () => update({ deputyPersonId: headId }), "VALIDATION")).fieldErrors).toEqual({ deputyPersonId: "duplicate" });
    await expectRefusedUnchanged(meetingId, () => update({ id: "no-such-delegation" }), "NOT_FOUND");
  });

  it("keeps a head or deputy retired since where they stand, but never chooses one anew", async () => {
    // The mayor retired from the directory after the delegation was set up: naming a deputy
    // must not force the secretariat to replace the head first (and the other way round).
    await retirePerson(headId);
    const deputy = await newPerson("RU");
    await expectEdited(meetingId, "delegation.updated", () => updateDelegation(secretariat, meetingId, { id: delegationId, headPersonId: headId, deputyPersonId: deputy.id }));
    await retirePerson(deputy.id);
    const head = await newPerson("RU");
    await expectEdited(meetingId, "delegation.updated", () => updateDelegation(secretariat, meetingId, { id: delegationId, headPersonId: head.id, deputyPersonId: deputy.id }));
    expect(await db.delegation.findUniqueOrThrow({ where: { id: delegationId } })).toMatchObject({ headPersonId: head.id, deputyPersonId: deputy.id });

    const retiredOther = await newPerson("RU");
    await retirePerson(retiredOther.id);
    const error = await expectRefusedUnchanged(meetingId, () => updateDelegation(secretariat, meetingId, { id: delegationId, headPersonId: retiredOther.id, deputyPersonId: deputy.id }), "VALIDATION");
    expect(error.fieldErrors).toEqual({ headPersonId: "invalid" });
    headId = head.id;
  });

  it("removes a delegation with its participants", async () => {
    const person = await newPerson("RU");
    const { result } = await expectEdited(meetingId, "participant.added", () =>
      addParticipant(secretariat, meetingId, { delegationId, personId: person.id, titleRu: "Мэр города Владивостока", titleJa: "ウラジオストク市長" }),
    );
    const others = await peopleOf(meetingId);

    const { data } = await expectEdited(meetingId, "delegation.removed", () => removeDelegation(secretariat, meetingId, { id: delegationId }));

    expect(data).toEqual({ delegation: delegationId, city: vladivostokId });
    expect(await db.delegation.findUnique({ where: { id: delegationId } })).toBeNull();
    expect(await db.participant.findUnique({ where: { id: result!.id } })).toBeNull();
    const after = await peopleOf(meetingId);
    expect(after.delegations).toEqual(others.delegations.filter((d) => d.cityId !== vladivostokId));
    expect(after.participants).toEqual(others.participants.filter((p) => p.personId !== person.id));
    expect(after.signatories).toEqual(others.signatories);
  });

  it("answers NOT_FOUND for a delegation that is not the meeting's", async () => {
    const xxviiDelegation = await db.delegation.findFirstOrThrow({ where: { meetingId: xxviiId } });
    await expectRefusedUnchanged(meetingId, () => removeDelegation(secretariat, meetingId, { id: delegationId }), "NOT_FOUND");
    await expectRefusedUnchanged(meetingId, () => removeDelegation(secretariat, meetingId, { id: xxviiDelegation.id }), "NOT_FOUND");
    await expectRefusedUnchanged(
      meetingId,
      () => updateDelegation(secretariat, meetingId, { id: xxviiDelegation.id, headPersonId: xxviiDelegation.headPersonId }),
      "NOT_FOUND",
    );
    expect(await db.delegation.findUnique({ where: { id: xxviiDelegation.id } })).toEqual(xxviiDelegation);
  });
});

// =======================================================================================

describe("participants, signatories and topics", () => {
  let meetingId: string;

  beforeAll(async () => {
    meetingId = await meetingFromXxvii();
  });

  const delegationIn = (city: string) => db.delegation.findFirstOrThrow({ where: { meetingId, city: { nameRu: city } } });

  describe("participants", () => {
    it("adds a participant with their titles at the end of the list", async () => {
      const niigata = await delegationIn("Ниигата");
      const person = await newPerson("JP");
      const before = await participantIds(meetingId);

      const { result, data } = await expectEdited(meetingId, "participant.added", () =>
        addParticipant(secretariat, meetingId, { delegationId: niigata.id, personId: person.id, titleRu: "  Вице-мэр города Ниигата ", titleJa: "新潟市副市長" }),
      );

      const id = result!.id;
      expect(await participantIds(meetingId)).toEqual([...before, id]);
      expect(await db.participant.findUniqueOrThrow({ where: { id } })).toMatchObject({
        delegationId: niigata.id,
        personId: person.id,
        titleRu: "Вице-мэр города Ниигата",
        titleJa: "新潟市副市長",
      });
      expect(data).toEqual({ participant: id, person: person.id, delegation: niigata.id, titleRu: "Вице-мэр города Ниигата", titleJa: "新潟市副市長" });
    });

    it("refuses someone already taking part, someone of the other side, a delegation of another meeting, and missing titles", async () => {
      const niigata = await delegationIn("Ниигата");
      const nakaharaPerson = nakahara.personId!;
      const xxviiNiigata = await db.delegation.findFirstOrThrow({ where: { meetingId: xxviiId, cityId: niigataId } });
      const add = async (input: Record<string, unknown>) =>
        (await expectRefusedUnchanged(meetingId, () => addParticipant(secretariat, meetingId, { titleRu: "Мэр", titleJa: "市長", ...input }), "VALIDATION")).fieldErrors;
      expect(await add({ delegationId: niigata.id, personId: nakaharaPerson })).toEqual({ personId: "duplicate" });
      expect(await add({ delegationId: niigata.id, personId: (await newPerson("RU")).id })).toEqual({ personId: "otherSide" });
      expect(await add({ delegationId: xxviiNiigata.id, personId: (await newPerson("JP")).id })).toEqual({ delegationId: "invalid" });
      expect(await add({ delegationId: niigata.id, personId: (await newPerson("JP")).id, titleJa: " " })).toEqual({ titleJa: "required" });
    });

    it("moves a participant among their own side only: the other side's rows in between are passed over", async () => {
      // XXVII's order: four Russians, then four Japanese, then the Japanese added above. A
      // Russian added now comes last; moved up, it changes places with the last Russian.
      const khabarovsk = await delegationIn("Хабаровск");
      const adviser = await newPerson("RU");
      const { result } = await expectEdited(meetingId, "participant.added", () =>
        addParticipant(secretariat, meetingId, { delegationId: khabarovsk.id, personId: adviser.id, titleRu: "Советник", titleJa: "顧問" }),
      );
      const added = result!.id;
      const order = await participantIds(meetingId);
      expect(order).toHaveLength(10);
      const lastRussian = order[3]!;

      const { data } = await expectEdited(meetingId, "participant.moved", () => moveRow(secretariat, meetingId, { kind: "participant", id: added, direction: "up" }));

      const expected = [...order.slice(0, 3), added, ...order.slice(4, 9), lastRussian];
      expect(await participantIds(meetingId)).toEqual(expected);
      expect(data).toEqual({ participant: added, direction: "up", order: expected });
      const positions = (await db.participant.findMany({ where: { meetingId }, orderBy: { position: "asc" } })).map((p) => p.position);
      expect(positions).toEqual(expected.map((_, i) => i));
    });

    it("does not move the first of a side up past the other side, nor the last down", async () => {
      const order = await participantIds(meetingId);
      const move = (id: string, direction: string) => expectNoChange(meetingId, () => moveRow(secretariat, meetingId, { kind: "participant", id, direction }));
      await move(order[0]!, "up");
      await move(order[4]!, "up"); // the first Japanese, right after a Russian
      await move(order[8]!, "down"); // the last Japanese, right before a Russian
      await move(order[9]!, "down"); // the last Russian
    });

    it("moves a Japanese participant down among the Japanese", async () => {
      const order = await participantIds(meetingId);
      await expectEdited(meetingId, "participant.moved", () => moveRow(secretariat, meetingId, { kind: "participant", id: order[4], direction: "down" }));
      expect(await participantIds(meetingId)).toEqual([...order.slice(0, 4), order[5], order[4], ...order.slice(6)]);
    });

    it("removes a participant", async () => {
      const order = await participantIds(meetingId);
      const { data } = await expectEdited(meetingId, "participant.removed", () => removeRow(secretariat, meetingId, { kind: "participant", id: order[2] }));
      expect(data).toEqual({ participant: order[2] });
      expect(await participantIds(meetingId)).toEqual(order.filter((id) => id !== order[2]));
    });
  });

  describe("signatories", () => {
    it("adds a signatory who is not a participant at the end of the signing order, on their side", async () => {
      const person = await newPerson("JP");
      const before = await signatoryIds(meetingId);
      const { result, data } = await expectEdited(meetingId, "signatory.added", () =>
        addSignatory(secretariat, meetingId, { personId: person.id, titleRu: "Председатель городского собрания", titleJa: "市議会議長" }),
      );
      const id = result!.id;
      expect(await signatoryIds(meetingId)).toEqual([...before, id]);
      expect(await db.signatory.findUniqueOrThrow({ where: { id } })).toMatchObject({ personId: person.id, side: "JP", titleRu: "Председатель городского собрания", titleJa: "市議会議長" });
      expect(await db.participant.count({ where: { meetingId, personId: person.id } })).toBe(0);
      expect(data).toEqual({ signatory: id, person: person.id, titleRu: "Председатель городского собрания", titleJa: "市議会議長" });
    });

    it("refuses someone already signing, a retired person, and an undrawable title", async () => {
      const retiredPerson = await newPerson("RU");
      await retirePerson(retiredPerson.id);
      const add = async (input: Record<string, unknown>) =>
        (await expectRefusedUnchanged(meetingId, () => addSignatory(secretariat, meetingId, { titleRu: "Мэр", titleJa: "市長", ...input }), "VALIDATION")).fieldErrors;
      expect(await add({ personId: nakahara.personId })).toEqual({ personId: "duplicate" });
      expect(await add({ personId: retiredPerson.id })).toEqual({ personId: "invalid" });
      expect(await add({ personId: (await newPerson("RU")).id, titleRu: "Мэр 🙂" })).toEqual({ titleRu: "undrawable" });
    });

    it("moves a signatory in the one signing order, whatever the side", async () => {
      const order = await signatoryIds(meetingId);
      const { data } = await expectEdited(meetingId, "signatory.moved", () => moveRow(secretariat, meetingId, { kind: "signatory", id: order[2], direction: "up" }));
      const expected = [order[0], order[2], order[1], ...order.slice(3)];
      expect(await signatoryIds(meetingId)).toEqual(expected);
      expect(data).toEqual({ signatory: order[2], direction: "up", order: expected });
      await expectNoChange(meetingId, () => moveRow(secretariat, meetingId, { kind: "signatory", id: expected.at(-1), direction: "down" }));
    });

    it("removes a signatory", async () => {
      const order = await signatoryIds(meetingId);
      const { data } = await expectEdited(meetingId, "signatory.removed", () => removeRow(secretariat, meetingId, { kind: "signatory", id: order.at(-1) }));
      expect(data).toEqual({ signatory: order.at(-1) });
      expect(await signatoryIds(meetingId)).toEqual(order.slice(0, -1));
    });
  });

  describe("topics", () => {
    it("puts a topic on the agenda with this meeting's title, at the end", async () => {
      const topic = await newTopic();
      const before = await topicIds(meetingId);
      const { result, data } = await expectEdited(meetingId, "topic.added", () =>
        addTopic(secretariat, meetingId, { topicId: topic.id, titleRu: "Сотрудничество в области образования", titleJa: "教育分野における協力" }),
      );
      const id = result!.id;
      expect(await topicIds(meetingId)).toEqual([...before, id]);
      expect(await db.meetingTopic.findUniqueOrThrow({ where: { id } })).toMatchObject({ topicId: topic.id, titleRu: "Сотрудничество в области образования", titleJa: "教育分野における協力" });
      expect(data).toEqual({ meetingTopic: id, topic: topic.id, titleRu: "Сотрудничество в области образования", titleJa: "教育分野における協力" });
    });

    it("refuses a topic already on the agenda, and a retired or unknown topic", async () => {
      const economy = await db.agendaTopic.findUniqueOrThrow({ where: { key: "economy" } });
      const retiredTopic = await newTopic();
      await retireTopic(retiredTopic.id);
      const add = async (topicId: string) =>
        (await expectRefusedUnchanged(meetingId, () => addTopic(secretariat, meetingId, { topicId, titleRu: "Тема", titleJa: "テーマ" }), "VALIDATION")).fieldErrors;
      expect(await add(economy.id)).toEqual({ topicId: "duplicate" });
      expect(await add(retiredTopic.id)).toEqual({ topicId: "invalid" });
      expect(await add("no-such-topic")).toEqual({ topicId: "invalid" });
    });

    it("moves a topic", async () => {
      const order = await topicIds(meetingId);
      const { data } = await expectEdited(meetingId, "topic.moved", () => moveRow(secretariat, meetingId, { kind: "topic", id: order.at(-1), direction: "up" }));
      const expected = [...order.slice(0, -2), order.at(-1), order.at(-2)];
      expect(await topicIds(meetingId)).toEqual(expected);
      expect(data).toEqual({ topic: order.at(-1), direction: "up", order: expected });
    });

    it("removes a topic", async () => {
      const order = await topicIds(meetingId);
      const { data } = await expectEdited(meetingId, "topic.removed", () => removeRow(secretariat, meetingId, { kind: "topic", id: order[0] }));
      expect(data).toEqual({ topic: order[0] });
      expect(await topicIds(meetingId)).toEqual(order.slice(1));
    });
  });

  it("answers NOT_FOUND for a row that is not the meeting's, or not of the kind named, and VALIDATION for an unknown kind", async () => {
    const signatory = (await signatoryIds(meetingId))[0]!;
    const xxviiTopic = (await topicIds(xxviiId))[0]!;
    await expectRefusedUnchanged(meetingId, () => removeRow(secretariat, meetingId, { kind: "participant", id: signatory }), "NOT_FOUND");
    await expectRefusedUnchanged(meetingId, () => removeRow(secretariat, meetingId, { kind: "topic", id: xxviiTopic }), "NOT_FOUND");
    await expectRefusedUnchanged(meetingId, () => moveRow(secretariat, meetingId, { kind: "topic", id: xxviiTopic, direction: "down" }), "NOT_FOUND");
    const error = await expectRefusedUnchanged(meetingId, () => removeRow(secretariat, meetingId, { kind: "delegation", id: signatory }), "VALIDATION");
    expect(error.fieldErrors).toEqual({ kind: "invalid" });
    expect(await db.meetingTopic.count({ where: { id: xxviiTopic } })).toBe(1);
  });

  it("serialises simultaneous changes: each one sees what the other did", async () => {
    // Two secretaries at once. The meeting's row lock orders the two changes; the second
    // must then work on the meeting as the first left it, not as it was before.
    const [a, b] = [await newTopic(), await newTopic()];
    const topics = await topicIds(meetingId);
    const { version } = await meetingRow(meetingId);
    const added = await Promise.all([a, b].map((t) => addTopic(secretariat, meetingId, { topicId: t.id, titleRu: t.nameRu, titleJa: t.nameJa })));
    const rows = await db.meetingTopic.findMany({ where: { meetingId }, orderBy: { position: "asc" } });
    // No two topics share a position: the second one was appended after the first.
    expect(rows.map((r) => r.position)).toEqual([...new Set(rows.map((r) => r.position))]);
    expect(rows.map((r) => r.id).slice(0, topics.length)).toEqual(topics);
    expect(rows.map((r) => r.id).slice(topics.length).sort()).toEqual(added.map((r) => r!.id).sort());

    const order = await signatoryIds(meetingId);
    await Promise.all([
      moveRow(secretariat, meetingId, { kind: "signatory", id: order[1], direction: "up" }),
      moveRow(secretariat, meetingId, { kind: "signatory", id: order[3], direction: "up" }),
    ]);
    expect(await signatoryIds(meetingId)).toEqual([order[1], order[0], order[3], order[2], ...order.slice(4)]);
    expect((await meetingRow(meetingId)).version).toBe(version + 4);
  });
});

// =======================================================================================

describe("the workflow gate: a meeting is read-only once its communiqué is approved", () => {
  let as: Actors;

  beforeAll(async () => {
    as = await approvalActors();
  });

  /**
   * One call of every meeting change, each valid in itself (new entries of this file's own,
   * existing rows of the meeting): only the communiqué's state can refuse them.
   */
  async function everyChange(meetingId: string): Promise<[string, () => Promise<unknown>][]> {
    const [city, head, deputy, participant, signer, topic] = [
      await newCity("RU", "Владивосток", "ウラジオストク市"),
      await newPerson("RU"),
      await newPerson("RU"),
      await newPerson("JP"),
      await newPerson("RU"),
      await newTopic(),
    ];
    const delegations = await db.delegation.findMany({ where: { meetingId }, orderBy: [{ side: "asc" }, { position: "asc" }] });
    const japanese = delegations.find((d) => d.side === "JP")!;
    const russian = delegations.find((d) => d.side === "RU")!;
    const [participants, signatories, topics] = [await participantIds(meetingId), await signatoryIds(meetingId), await topicIds(meetingId)];
    return [
      ["addDelegation", () => addDelegation(secretariat, meetingId, { cityId: city.id, headPersonId: head.id })],
      ["removeDelegation", () => removeDelegation(secretariat, meetingId, { id: delegations.at(-1)!.id })],
      ["updateDelegation", () => updateDelegation(secretariat, meetingId, { id: russian.id, headPersonId: russian.headPersonId, deputyPersonId: deputy.id })],
      ["addParticipant", () => addParticipant(secretariat, meetingId, { delegationId: japanese.id, personId: participant.id, titleRu: "Советник", titleJa: "顧問" })],
      ["addSignatory", () => addSignatory(secretariat, meetingId, { personId: signer.id, titleRu: "Советник", titleJa: "顧問" })],
      ["addTopic", () => addTopic(secretariat, meetingId, { topicId: topic.id, titleRu: topic.nameRu, titleJa: topic.nameJa })],
      // Moves before removals: where the calls all go through, each still finds its row.
      ["moveRow participant", () => moveRow(secretariat, meetingId, { kind: "participant", id: participants[1], direction: "up" })],
      ["moveRow signatory", () => moveRow(secretariat, meetingId, { kind: "signatory", id: signatories[1], direction: "up" })],
      ["moveRow topic", () => moveRow(secretariat, meetingId, { kind: "topic", id: topics[1], direction: "up" })],
      ["removeRow participant", () => removeRow(secretariat, meetingId, { kind: "participant", id: participants.at(-1) })],
      ["removeRow signatory", () => removeRow(secretariat, meetingId, { kind: "signatory", id: signatories.at(-1) })],
      ["removeRow topic", () => removeRow(secretariat, meetingId, { kind: "topic", id: topics.at(-1) })],
    ];
  }

  async function expectAllRefused(meetingId: string, state: string) {
    for (const [name, call] of await everyChange(meetingId)) {
      const error = await expectRefusedUnchanged(meetingId, call, "NOT_ALLOWED_NOW", name);
      expect(error.params, name).toEqual({ state, event: "CHANGE_MEETING" });
    }
  }

  describe("approved, then signing, then declined", () => {
    // One communiqué followed through its states; the tests run in order.
    let approved: Awaited<ReturnType<typeof approvedCommunique>>;

    beforeAll(async () => {
      approved = await approvedCommunique(as);
    });

    it("refuses every change while the communiqué is APPROVED, writing nothing", async () => {
      expect(await statusOf(approved.communiqueId)).toBe("APPROVED");
      await expectAllRefused(approved.meetingId, "APPROVED");
    });

    it("refuses every change while the communiqué is SIGNING, writing nothing", async () => {
      await openSigning(as[SECRETARIAT]!, approved.communiqueId);
      expect(await statusOf(approved.communiqueId)).toBe("SIGNING");
      await expectAllRefused(approved.meetingId, "SIGNING");
    });

    it("keeps a signatory who already signed once signing stops (SIGNATORY_SIGNED), and lets one who did not sign go", async () => {
      // Kravchuk signs, then Nakahara declines: the communiqué is back in CHANGES_REQUESTED,
      // where the meeting may change again, but Kravchuk's signature stays on record.
      const kravchuk = signatoryOf(approved.signatories, KRAVCHUK);
      const tatami = signatoryOf(approved.signatories, TATAMI);
      await signAs(as[KRAVCHUK]!, approved.communiqueId, { signatoryId: kravchuk.id, hash: approved.hash });
      await declineSigning(as[NAKAHARA]!, { communiqueId: approved.communiqueId, signatoryId: signatoryOf(approved.signatories, NAKAHARA).id, reason: "Неверная дата" });
      expect(await statusOf(approved.communiqueId)).toBe("CHANGES_REQUESTED");

      const error = await expectRefusedUnchanged(approved.meetingId, () => removeRow(secretariat, approved.meetingId, { kind: "signatory", id: kravchuk.id }), "SIGNATORY_SIGNED");
      expect(error.params).toEqual({ name: kravchuk.name.ru, nameJa: kravchuk.name.ja });
      expect(await db.signatory.count({ where: { id: kravchuk.id } })).toBe(1);

      await expectEdited(approved.meetingId, "signatory.removed", () => removeRow(secretariat, approved.meetingId, { kind: "signatory", id: tatami.id }));
      expect(await db.signatory.count({ where: { id: tatami.id } })).toBe(0);
    });
  });

  describe("in approval", () => {
    // Every delegation but Nakhodka's is on the route, and Kalita has already approved.
    let submitted: Awaited<ReturnType<typeof submittedCommunique>>;
    const delegation = (email: string) => delegationOf(submitted.delegations, email);

    beforeAll(async () => {
      submitted = await submittedCommunique(as[SECRETARIAT]!, (delegations) => ({
        steps: Object.fromEntries(delegations.filter((d) => d.head !== GLADKIKH).map((d) => [d.id, 1])),
      }));
      await decideAs(as[KALITA]!, submitted.communiqueId, submitted.hash);
      expect(await statusOf(submitted.communiqueId)).toBe("IN_APPROVAL");
    });

    it("allows every change of the meeting's people and topics", async () => {
      const meetingId = submitted.meetingId;
      for (const [name, call] of await everyChange(meetingId)) {
        // The last delegation (Toyama's) is on the route, which alone keeps it (tested below).
        if (name === "removeDelegation") continue;
        const { version } = await meetingRow(meetingId);
        const events = await db.auditEvent.count();
        await call();
        expect((await meetingRow(meetingId)).version, name).toBe(version + 1);
        expect(await db.auditEvent.count(), name).toBe(events + 1);
      }
      expect(await statusOf(submitted.communiqueId)).toBe("IN_APPROVAL");
    });

    it("removes a delegation left off the route, with its participants", async () => {
      const nakhodka = delegation(GLADKIKH);
      await expectEdited(submitted.meetingId, "delegation.removed", () => removeDelegation(secretariat, submitted.meetingId, { id: nakhodka.id }));
      expect(await db.delegation.count({ where: { id: nakhodka.id } })).toBe(0);
      expect(await db.participant.count({ where: { delegationId: nakhodka.id } })).toBe(0);
    });

    it("refuses to remove or change a delegation whose head has decided (DELEGATION_ROUTED), and to remove one on the route", async () => {
      const meetingId = submitted.meetingId;
      const blagoveshchensk = delegation(KALITA);
      const participants = await db.participant.count({ where: { delegationId: blagoveshchensk.id } });
      const removed = await expectRefusedUnchanged(meetingId, () => removeDelegation(secretariat, meetingId, { id: blagoveshchensk.id }), "DELEGATION_ROUTED");
      expect(removed.params).toEqual({ city: "Благовещенск", cityJa: "ブラゴヴェシチェンスク市", head: "Калита В. С.", headJa: "V・S・カリタ" });
      const deputy = await newPerson("RU");
      await expectRefusedUnchanged(
        meetingId,
        () => updateDelegation(secretariat, meetingId, { id: blagoveshchensk.id, headPersonId: blagoveshchensk.headPersonId, deputyPersonId: deputy.id }),
        "DELEGATION_ROUTED",
      );
      expect(await db.participant.count({ where: { delegationId: blagoveshchensk.id } })).toBe(participants);
      // Kravchuk has not decided yet, but his delegation is on the round's route.
      await expectRefusedUnchanged(meetingId, () => removeDelegation(secretariat, meetingId, { id: delegation(KRAVCHUK).id }), "DELEGATION_ROUTED");
    });
  });
});

// =======================================================================================

describe("delegates and the admin may not prepare a meeting", () => {
  it("refuses every change with FORBIDDEN, writing nothing, to a delegate who takes part, one who does not, and the admin", async () => {
    const meetingId = await meetingFromXxvii();
    const city = await newCity("RU", "Владивосток", "ウラジオストク市");
    const [head, person, topic] = [await newPerson("RU"), await newPerson("JP"), await newTopic()];
    const niigata = await db.delegation.findFirstOrThrow({ where: { meetingId, cityId: niigataId } });
    const [participants, signatories, topics] = [await participantIds(meetingId), await signatoryIds(meetingId), await topicIds(meetingId)];
    const calls = (actor: Actor | null): [string, () => Promise<unknown>][] => [
      ["addDelegation", () => addDelegation(actor, meetingId, { cityId: city.id, headPersonId: head.id })],
      ["removeDelegation", () => removeDelegation(actor, meetingId, { id: niigata.id })],
      ["updateDelegation", () => updateDelegation(actor, meetingId, { id: niigata.id, headPersonId: niigata.headPersonId, deputyPersonId: person.id })],
      ["addParticipant", () => addParticipant(actor, meetingId, { delegationId: niigata.id, personId: person.id, titleRu: "Советник", titleJa: "顧問" })],
      ["addSignatory", () => addSignatory(actor, meetingId, { personId: person.id, titleRu: "Советник", titleJa: "顧問" })],
      ["addTopic", () => addTopic(actor, meetingId, { topicId: topic.id, titleRu: topic.nameRu, titleJa: topic.nameJa })],
      ["removeRow", () => removeRow(actor, meetingId, { kind: "participant", id: participants[0] })],
      ["moveRow participant", () => moveRow(actor, meetingId, { kind: "participant", id: participants[1], direction: "up" })],
      ["moveRow signatory", () => moveRow(actor, meetingId, { kind: "signatory", id: signatories[1], direction: "up" })],
      ["moveRow topic", () => moveRow(actor, meetingId, { kind: "topic", id: topics[1], direction: "up" })],
    ];
    const stranger = await outsider();
    for (const actor of [nakahara, kalita, stranger, admin]) {
      for (const [name, call] of calls(actor)) await expectRefusedUnchanged(meetingId, call, "FORBIDDEN", `${actor.email}: ${name}`);
    }
    for (const [name, call] of calls(null)) await expectRefusedUnchanged(meetingId, call, "UNAUTHENTICATED", `anonymous: ${name}`);
  });
});
