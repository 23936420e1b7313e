import { randomInt, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { actorFor, ADMIN, SECRETARIAT, useTestDatabase } from "@/lib/testing/test-db";
import { getMeeting } from "./get-meeting";
import { listMeetings } from "./list-meetings";
import { moveRow } from "./move-row";
import { updateMeeting } from "./update-meeting";
import { updateTitle } from "./update-titles";

useTestDatabase();

const KALITA = "kalita@blagoveshchensk.example";
const NAKAHARA = "nakahara@niigata.example";
const IVANOVA = "ivanova@khabarovsk.example";
const KRAVCHUK = "kravchuk@khabarovsk.example";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a refusal, but the call succeeded");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** A person of this file's own, optionally with a delegate account. */
async function makePerson(label: string, withAccount: boolean) {
  const tag = randomUUID().slice(0, 8);
  const person = await db.person.create({ data: { side: "JP", nameRu: `${label} ${tag}`, nameJa: `${label}${tag}` } });
  const email = `${label.toLowerCase()}-${tag}@test.example`;
  if (withAccount) {
    await db.user.create({
      data: { email, displayName: label, role: "DELEGATE", locale: "ja", personId: person.id, passwordHash: "unused" },
    });
  }
  return { person, email };
}

// The XXVII meeting (seeded) and a second meeting of this file's own: one delegation, headed
// by Nakahara, with a deputy, and signatories of which Nakahara is the only seeded person.
let xxviiId: string;
let secondId: string;
let deputyEmail: string;
let signerEmail: string;
let secretariat: Actor;
let admin: Actor;
let kalita: Actor;
let nakahara: Actor;

beforeAll(async () => {
  const xxvii = await db.meeting.findUniqueOrThrow({ where: { number: 27 } });
  xxviiId = xxvii.id;
  const niigata = await db.city.findFirstOrThrow({ where: { nameRu: "Ниигата" } });
  const nakaharaUser = await db.user.findUniqueOrThrow({ where: { email: NAKAHARA } });
  const deputy = await makePerson("Deputy", true);
  const signer = await makePerson("Signer", true);
  const other = await makePerson("Other", false);
  deputyEmail = deputy.email;
  signerEmail = signer.email;

  let number = randomInt(100_000, 2_000_000_000);
  while (await db.meeting.findUnique({ where: { number } })) number = randomInt(100_000, 2_000_000_000);
  const second = await db.meeting.create({
    data: {
      ordinal: "XXVIII",
      number,
      nameRu: "Встреча мэров (тест)",
      nameJa: "日ロ沿岸市長会議（テスト）",
      hostCityId: niigata.id,
      hostCountryRu: "Япония",
      hostCountryJa: "日本",
      startDate: day("2021-10-05"),
      endDate: day("2021-10-08"),
      venueRu: "Ниигата",
      venueJa: "新潟市",
      invitingAssociationId: xxvii.guestAssociationId,
      guestAssociationId: xxvii.invitingAssociationId,
      guestDelegationRu: "Ассоциации",
      guestDelegationJa: "協会",
      nextOrdinal: "XXIX",
      nextYear: 2023,
      nextCountryRu: "Россия",
      nextCountryJa: "ロシア",
      signingDate: day("2021-10-07"),
      signingPlaceRu: "Ниигата",
      signingPlaceJa: "新潟市",
    },
  });
  secondId = second.id;
  const delegation = await db.delegation.create({
    data: {
      meetingId: second.id,
      cityId: niigata.id,
      side: "JP",
      position: 0,
      headPersonId: nakaharaUser.personId!,
      deputyPersonId: deputy.person.id,
    },
  });
  await db.participant.create({
    data: { meetingId: second.id, delegationId: delegation.id, personId: nakaharaUser.personId!, titleRu: "Мэр", titleJa: "市長", position: 0 },
  });
  const signers = [nakaharaUser.personId!, signer.person.id, other.person.id];
  for (const [position, personId] of signers.entries()) {
    await db.signatory.create({
      data: { meetingId: second.id, personId, side: "JP", titleRu: `Подписант ${position}`, titleJa: `署名者${position}`, position },
    });
  }

  [secretariat, admin, kalita, nakahara] = await Promise.all([
    actorFor(SECRETARIAT),
    actorFor(ADMIN),
    actorFor(KALITA),
    actorFor(NAKAHARA),
  ]);
});

const meetingRow = (id: string) => db.meeting.findUniqueOrThrow({ where: { id } });
const eventsOf = (meetingId: string, action?: string) =>
  db.auditEvent.findMany({ where: { subjectType: "Meeting", subjectId: meetingId, ...(action ? { action } : {}) }, orderBy: { seq: "asc" } });
const signatoryOrder = async (meetingId: string) =>
  (await db.signatory.findMany({ where: { meetingId }, orderBy: { position: "asc" } })).map((s) => s.id);

describe("listMeetings", () => {
  it("shows the secretariat and the admin both meetings", async () => {
    for (const actor of [secretariat, admin]) {
      const ids = (await listMeetings(actor)).map((m) => m.id);
      expect(ids).toContain(xxviiId);
      expect(ids).toContain(secondId);
    }
  });

  it("shows a delegate only the meetings their person takes part in", async () => {
    const ids = (await listMeetings(kalita)).map((m) => m.id);
    expect(ids).toContain(xxviiId);
    expect(ids).not.toContain(secondId);
    // Whatever else a shared database holds, a delegate lists only meetings they may open.
    for (const id of ids) await expect(getMeeting(kalita, id)).resolves.toMatchObject({ id });
  });

  it("shows a delegate who takes part in both meetings both of them", async () => {
    const ids = (await listMeetings(nakahara)).map((m) => m.id);
    expect(ids).toContain(xxviiId);
    expect(ids).toContain(secondId);
  });

  it("shows a deputy-only and a signatory-only delegate the meeting they take part in, and not XXVII", async () => {
    for (const email of [deputyEmail, signerEmail]) {
      const ids = (await listMeetings(await actorFor(email))).map((m) => m.id);
      expect(ids, email).toContain(secondId);
      expect(ids, email).not.toContain(xxviiId);
    }
  });

  it("shows a delegate account without a person nothing", async () => {
    expect(await listMeetings({ ...kalita, personId: null })).toEqual([]);
  });

  it("refuses without an actor", async () => {
    expect((await refusal(listMeetings(null))).code).toBe("UNAUTHENTICATED");
  });

  it("lists newest first with counts", async () => {
    const list = await listMeetings(nakahara);
    const second = list.findIndex((m) => m.id === secondId);
    const xxvii = list.findIndex((m) => m.id === xxviiId);
    expect(second).toBeLessThan(xxvii);
    expect(list[xxvii]!._count).toEqual({ delegations: 8, participants: 8, signatories: 8 });
  });
});

describe("getMeeting", () => {
  it("refuses a delegate who does not take part with FORBIDDEN", async () => {
    expect((await refusal(getMeeting(kalita, secondId))).code).toBe("FORBIDDEN");
  });

  it("answers NOT_FOUND for an unknown id, to staff and delegates", async () => {
    for (const actor of [secretariat, kalita]) {
      expect((await refusal(getMeeting(actor, "no-such-meeting"))).code).toBe("NOT_FOUND");
    }
  });

  it("refuses without an actor with UNAUTHENTICATED, whether the meeting exists or not", async () => {
    expect((await refusal(getMeeting(null, xxviiId))).code).toBe("UNAUTHENTICATED");
    expect((await refusal(getMeeting(null, "no-such-meeting"))).code).toBe("UNAUTHENTICATED");
  });

  it("lets the named deputy (Ivanova) see XXVII", async () => {
    await expect(getMeeting(await actorFor(IVANOVA), xxviiId)).resolves.toMatchObject({ id: xxviiId });
  });

  it("lets the head and signatory (Kravchuk) see XXVII", async () => {
    await expect(getMeeting(await actorFor(KRAVCHUK), xxviiId)).resolves.toMatchObject({ id: xxviiId });
  });

  it("lets a deputy-only and a signatory-only delegate see the meeting they take part in", async () => {
    for (const email of [deputyEmail, signerEmail]) {
      const actor = await actorFor(email);
      await expect(getMeeting(actor, secondId)).resolves.toMatchObject({ id: secondId });
      expect((await refusal(getMeeting(actor, xxviiId))).code).toBe("FORBIDDEN");
    }
  });

  it("returns XXVII's 8 participants and 8 signatories in their order", async () => {
    const meeting = await getMeeting(secretariat, xxviiId);
    expect(meeting.participants.map((p) => p.person.nameRu)).toEqual([
      "Иванова Т.Н.",
      "Калита В. С.",
      "Гладких Б. И.",
      "Иваненко В. Ю.",
      "НАКАХАРА Яити",
      "ТАТАМИ Рёдзо",
      "МАЦУДА Сигэто",
      "ХОНДА Синдзи",
    ]);
    expect(meeting.signatories.map((s) => s.person.nameRu)).toEqual([
      "Кравчук С. А.",
      "НАКАХАРА Яити",
      "Калита В. С.",
      "ТАТАМИ Рёдзо",
      "Гладких Б. И.",
      "МАЦУДА Сигэто",
      "Иваненко В. Ю.",
      "ХОНДА Синдзи",
    ]);
    expect(meeting.signatories.map((s) => s.person.nameRu)).not.toContain("Иванова Т.Н.");
    expect(meeting.participants.map((p) => p.person.nameRu)).not.toContain("Кравчук С. А.");
    expect(meeting.delegations).toHaveLength(8);
    const khabarovsk = meeting.delegations.find((d) => d.city.nameRu === "Хабаровск");
    expect(khabarovsk?.head.nameRu).toBe("Кравчук С. А.");
    expect(khabarovsk?.deputy?.nameRu).toBe("Иванова Т.Н.");
  });
});

/** The meeting's facts as the edit form sends them, with some changed. */
async function factsOf(meetingId: string, changes: Record<string, unknown> = {}) {
  const m = await meetingRow(meetingId);
  return {
    version: m.version,
    ordinal: m.ordinal,
    nameRu: m.nameRu,
    nameJa: m.nameJa,
    startDate: isoDay(m.startDate),
    endDate: isoDay(m.endDate),
    venueRu: m.venueRu,
    venueJa: m.venueJa,
    hostCountryRu: m.hostCountryRu,
    hostCountryJa: m.hostCountryJa,
    nextOrdinal: m.nextOrdinal,
    nextYear: m.nextYear,
    nextCountryRu: m.nextCountryRu,
    nextCountryJa: m.nextCountryJa,
    signingDate: isoDay(m.signingDate),
    signingPlaceRu: m.signingPlaceRu,
    signingPlaceJa: m.signingPlaceJa,
    ...changes,
  };
}

/** Expects the call to be refused with `code` and the meeting and its audit trail to stay as they were. */
async function expectRefusedUnchanged(meetingId: string, call: () => Promise<unknown>, code: string) {
  const before = await meetingRow(meetingId);
  const events = (await eventsOf(meetingId)).length;
  const error = await refusal(call());
  expect(error.code).toBe(code);
  expect(await meetingRow(meetingId)).toEqual(before);
  expect(await eventsOf(meetingId)).toHaveLength(events);
  return error;
}

describe("updateMeeting", () => {
  it("lets the secretariat edit: saves the facts, increments the version and writes meeting.updated", async () => {
    const before = await meetingRow(secondId);
    const input = await factsOf(secondId, { venueRu: "Отель «Окура», Ниигата", nameJa: "第28回日ロ沿岸市長会議", signingDate: "2021-10-08" });
    await updateMeeting(secretariat, secondId, input);

    const after = await meetingRow(secondId);
    expect(after.version).toBe(before.version + 1);
    expect(after.venueRu).toBe("Отель «Окура», Ниигата");
    expect(after.nameJa).toBe("第28回日ロ沿岸市長会議");
    expect(after.signingDate).toEqual(day("2021-10-08"));
    expect(after.nameRu).toBe(before.nameRu);

    const event = (await eventsOf(secondId, "meeting.updated")).at(-1);
    expect(event).toMatchObject({ actorUserId: secretariat.userId, subjectType: "Meeting", subjectId: secondId });
    expect(event?.data).toEqual({ version: before.version + 1, fields: expect.any(Array) });
    expect([...(event!.data as { fields: string[] }).fields].sort()).toEqual(["nameJa", "signingDate", "venueRu"]);
  });

  it("changes who hosts and invites, the guest delegation and the involved circles when the form sends them", async () => {
    const before = await meetingRow(secondId);
    const toyama = await db.city.findFirstOrThrow({ where: { nameRu: "Тояма" } });
    const input = await factsOf(secondId, {
      hostCityId: toyama.id,
      invitingAssociationId: before.guestAssociationId,
      guestAssociationId: before.invitingAssociationId,
      guestDelegationRu: "Ассоциации мэров (изменено)",
      guestDelegationJa: "協会（変更）",
      involvedCirclesRu: "представителей деловых кругов",
      involvedCirclesJa: "経済界の関係者",
    });
    await updateMeeting(secretariat, secondId, input);
    expect(await meetingRow(secondId)).toMatchObject({
      hostCityId: toyama.id,
      invitingAssociationId: before.guestAssociationId,
      guestAssociationId: before.invitingAssociationId,
      guestDelegationRu: "Ассоциации мэров (изменено)",
      involvedCirclesJa: "経済界の関係者",
    });
    // Both circles emptied: the sentence leaves them out. Not sent at all: they stay.
    await updateMeeting(secretariat, secondId, await factsOf(secondId, { involvedCirclesRu: "", involvedCirclesJa: "" }));
    expect(await meetingRow(secondId)).toMatchObject({ involvedCirclesRu: null, involvedCirclesJa: null, hostCityId: toyama.id });
  });

  it("refuses circles in one language only, the same association twice and a retired city, and changes nothing", async () => {
    const m = await meetingRow(secondId);
    const oneSided = await expectRefusedUnchanged(secondId, async () => updateMeeting(secretariat, secondId, await factsOf(secondId, { involvedCirclesRu: "кругов", involvedCirclesJa: "" })), "VALIDATION");
    expect(oneSided.fieldErrors).toEqual({ involvedCirclesJa: "required" });
    const same = await expectRefusedUnchanged(secondId, async () => updateMeeting(secretariat, secondId, await factsOf(secondId, { guestAssociationId: m.invitingAssociationId })), "VALIDATION");
    expect(same.fieldErrors).toEqual({ guestAssociationId: "duplicate" });
    const retired = await db.city.create({ data: { side: "JP", nameRu: `Город ${randomUUID()}`, nameJa: `市${randomUUID()}`, nameLocativeRu: "Городе", retiredAt: new Date() } });
    const error = await expectRefusedUnchanged(secondId, async () => updateMeeting(secretariat, secondId, await factsOf(secondId, { hostCityId: retired.id })), "VALIDATION");
    expect(error.fieldErrors).toEqual({ hostCityId: "invalid" });
  });

  it("refuses the admin with FORBIDDEN and changes nothing", async () => {
    const input = await factsOf(secondId, { venueRu: "Admin was here" });
    await expectRefusedUnchanged(secondId, () => updateMeeting(admin, secondId, input), "FORBIDDEN");
  });

  it("refuses a delegate who takes part (Nakahara) with FORBIDDEN and changes nothing", async () => {
    const input = await factsOf(secondId, { venueRu: "Delegate was here" });
    await expectRefusedUnchanged(secondId, () => updateMeeting(nakahara, secondId, input), "FORBIDDEN");
  });

  it("refuses a delegate who does not take part (Kalita) with FORBIDDEN and changes nothing", async () => {
    const input = await factsOf(secondId, { venueRu: "Delegate was here" });
    await expectRefusedUnchanged(secondId, () => updateMeeting(kalita, secondId, input), "FORBIDDEN");
  });

  it("refuses an unknown meeting with NOT_FOUND", async () => {
    const input = await factsOf(secondId);
    expect((await refusal(updateMeeting(secretariat, "no-such-meeting", input))).code).toBe("NOT_FOUND");
  });

  describe("validation (nothing is saved)", () => {
    const invalid = async (changes: Record<string, unknown>) => {
      const input = await factsOf(secondId, changes);
      const error = await expectRefusedUnchanged(secondId, () => updateMeeting(secretariat, secondId, input), "VALIDATION");
      return error.fieldErrors;
    };

    it("reports an empty required field as required", async () => {
      expect(await invalid({ nameRu: "" })).toEqual({ nameRu: "required" });
    });

    it("reports a field of only spaces and control characters as required", async () => {
      expect(await invalid({ venueJa: " \u0000\u3000 " })).toEqual({ venueJa: "required" });
    });

    it("reports an end date before the start date as dateOrder", async () => {
      expect(await invalid({ startDate: "2021-10-05", endDate: "2021-10-04", signingDate: "2021-10-05" })).toMatchObject({
        endDate: "dateOrder",
      });
    });

    it("reports a signing date outside the meeting as signingOutsideMeeting, on either side", async () => {
      expect(await invalid({ signingDate: "2021-10-04" })).toEqual({ signingDate: "signingOutsideMeeting" });
      expect(await invalid({ signingDate: "2021-10-09" })).toEqual({ signingDate: "signingOutsideMeeting" });
    });

    it("reports an impossible or badly written date as invalid", async () => {
      expect(await invalid({ startDate: "2021-02-30" })).toMatchObject({ startDate: "invalid" });
      expect(await invalid({ endDate: "08.10.2021" })).toMatchObject({ endDate: "invalid" });
    });

    it("reports an ordinal that is not a Roman numeral as invalid", async () => {
      expect(await invalid({ ordinal: "28" })).toEqual({ ordinal: "invalid" });
      expect(await invalid({ nextOrdinal: "xxix" })).toEqual({ nextOrdinal: "invalid" });
    });

    it("reports a next year that is not a plausible year as invalid", async () => {
      expect(await invalid({ nextYear: "soon" })).toEqual({ nextYear: "invalid" });
      expect(await invalid({ nextYear: 1900 })).toEqual({ nextYear: "invalid" });
    });

    it("reports text over the limit as tooLong", async () => {
      expect(await invalid({ nameRu: "я".repeat(301) })).toEqual({ nameRu: "tooLong" });
      expect(await invalid({ venueJa: "新".repeat(201) })).toEqual({ venueJa: "tooLong" });
    });

    it("accepts text exactly at the limit", async () => {
      const input = await factsOf(secondId, { nameRu: "я".repeat(300) });
      await updateMeeting(secretariat, secondId, input);
      expect((await meetingRow(secondId)).nameRu).toBe("я".repeat(300));
    });

    it("reports a missing version as invalid", async () => {
      expect(await invalid({ version: undefined })).toEqual({ version: "invalid" });
    });
  });

  it("normalises text: NFC, control characters and bidi overrides removed, spaces collapsed and trimmed", async () => {
    const input = await factsOf(secondId, {
      nameRu: "  Встреча\u0000 мэров \u202Eгородов\t\tХабаровски\u0438\u0306  ",
      venueJa: "\u3000新潟市\u0007 ",
    });
    await updateMeeting(secretariat, secondId, input);
    const after = await meetingRow(secondId);
    expect(after.nameRu).toBe("Встреча мэров городов Хабаровский");
    expect(after.nameRu).toBe(after.nameRu.normalize("NFC"));
    expect(after.venueJa).toBe("新潟市");
  });

  it("refuses a stale version with STALE_VERSION and changes nothing", async () => {
    const stale = await factsOf(secondId, { venueRu: "Первая правка" });
    await updateMeeting(secretariat, secondId, stale);
    const second = { ...stale, venueRu: "Вторая правка по старой версии" };
    await expectRefusedUnchanged(secondId, () => updateMeeting(secretariat, secondId, second), "STALE_VERSION");
    expect((await meetingRow(secondId)).venueRu).toBe("Первая правка");
  });

  it("refuses an edit based on a version from before a title change", async () => {
    const input = await factsOf(secondId, { venueRu: "После смены титула" });
    const signatory = (await getMeeting(secretariat, secondId)).signatories[1]!;
    await updateTitle(secretariat, secondId, { kind: "signatory", id: signatory.id, titleRu: "Новый титул", titleJa: "新肩書" });
    await expectRefusedUnchanged(secondId, () => updateMeeting(secretariat, secondId, input), "STALE_VERSION");
  });
});

describe("updateTitle", () => {
  it("lets the secretariat set a signatory's title: saved normalised, version incremented, audit written", async () => {
    const before = await getMeeting(secretariat, secondId);
    const signatory = before.signatories[2]!;
    await updateTitle(secretariat, secondId, { kind: "signatory", id: signatory.id, titleRu: "  Вице-мэр\u0000  города ", titleJa: "副市長" });

    const row = await db.signatory.findUniqueOrThrow({ where: { id: signatory.id } });
    expect(row).toMatchObject({ titleRu: "Вице-мэр города", titleJa: "副市長", position: signatory.position });
    expect((await meetingRow(secondId)).version).toBe(before.version + 1);
    const event = (await eventsOf(secondId, "signatory.title-updated")).at(-1);
    expect(event).toMatchObject({ actorUserId: secretariat.userId });
    expect(event?.data).toEqual({ signatory: signatory.id, titleRu: "Вице-мэр города", titleJa: "副市長" });
  });

  it("lets the secretariat set a participant's title", async () => {
    const participant = (await getMeeting(secretariat, secondId)).participants[0]!;
    await updateTitle(secretariat, secondId, { kind: "participant", id: participant.id, titleRu: "Мэр города Ниигата", titleJa: "新潟市長" });
    expect(await db.participant.findUniqueOrThrow({ where: { id: participant.id } })).toMatchObject({
      titleRu: "Мэр города Ниигата",
      titleJa: "新潟市長",
    });
    expect((await eventsOf(secondId, "participant.title-updated")).at(-1)?.data).toMatchObject({ participant: participant.id });
  });

  it("refuses delegates and the admin with FORBIDDEN and changes nothing", async () => {
    const signatory = (await getMeeting(secretariat, secondId)).signatories[0]!;
    const input = { kind: "signatory", id: signatory.id, titleRu: "Самозванец", titleJa: "偽者" };
    for (const actor of [nakahara, kalita, admin]) {
      await expectRefusedUnchanged(secondId, () => updateTitle(actor, secondId, input), "FORBIDDEN");
    }
    expect((await db.signatory.findUniqueOrThrow({ where: { id: signatory.id } })).titleRu).toBe(signatory.titleRu);
  });

  it("answers NOT_FOUND for an unknown row, a row of another meeting, or an unknown meeting", async () => {
    const xxviiSignatory = (await getMeeting(secretariat, xxviiId)).signatories[0]!;
    const input = (id: string) => ({ kind: "signatory", id, titleRu: "Титул", titleJa: "肩書" });
    await expectRefusedUnchanged(secondId, () => updateTitle(secretariat, secondId, input("no-such-row")), "NOT_FOUND");
    await expectRefusedUnchanged(secondId, () => updateTitle(secretariat, secondId, input(xxviiSignatory.id)), "NOT_FOUND");
    // A signatory id given as a participant is not found either.
    const own = (await getMeeting(secretariat, secondId)).signatories[0]!;
    await expectRefusedUnchanged(secondId, () => updateTitle(secretariat, secondId, { ...input(own.id), kind: "participant" }), "NOT_FOUND");
    expect((await refusal(updateTitle(secretariat, "no-such-meeting", input(own.id)))).code).toBe("NOT_FOUND");
    expect((await db.signatory.findUniqueOrThrow({ where: { id: xxviiSignatory.id } })).titleRu).toBe(xxviiSignatory.titleRu);
  });

  it("refuses an empty title with VALIDATION", async () => {
    const signatory = (await getMeeting(secretariat, secondId)).signatories[0]!;
    const error = await expectRefusedUnchanged(
      secondId,
      () => updateTitle(secretariat, secondId, { kind: "signatory", id: signatory.id, titleRu: " ", titleJa: "肩書" }),
      "VALIDATION",
    );
    expect(error.fieldErrors).toEqual({ titleRu: "required" });
  });
});

describe("moveRow (signatories)", () => {
  it("lets the secretariat move a signatory up: order swapped, positions renumbered, version incremented, audit written", async () => {
    const before = await signatoryOrder(secondId);
    const version = (await meetingRow(secondId)).version;
    await moveRow(secretariat, secondId, { kind: "signatory", id: before[1], direction: "up" });

    const expected = [before[1], before[0], ...before.slice(2)];
    expect(await signatoryOrder(secondId)).toEqual(expected);
    const positions = (await db.signatory.findMany({ where: { meetingId: secondId }, orderBy: { position: "asc" } })).map((s) => s.position);
    expect(positions).toEqual(expected.map((_, i) => i));
    expect((await meetingRow(secondId)).version).toBe(version + 1);
    const event = (await eventsOf(secondId, "signatory.moved")).at(-1);
    expect(event).toMatchObject({ actorUserId: secretariat.userId });
    expect(event?.data).toEqual({ signatory: before[1], direction: "up", order: expected });
  });

  it("moves a signatory down", async () => {
    const before = await signatoryOrder(secondId);
    await moveRow(secretariat, secondId, { kind: "signatory", id: before[0], direction: "down" });
    expect(await signatoryOrder(secondId)).toEqual([before[1], before[0], ...before.slice(2)]);
  });

  it("does nothing when the first moves up or the last moves down", async () => {
    const order = await signatoryOrder(secondId);
    const before = await meetingRow(secondId);
    const events = (await eventsOf(secondId)).length;
    await moveRow(secretariat, secondId, { kind: "signatory", id: order[0], direction: "up" });
    await moveRow(secretariat, secondId, { kind: "signatory", id: order.at(-1), direction: "down" });
    expect(await signatoryOrder(secondId)).toEqual(order);
    expect(await meetingRow(secondId)).toEqual(before);
    expect(await eventsOf(secondId)).toHaveLength(events);
  });

  it("refuses delegates and the admin with FORBIDDEN and changes nothing", async () => {
    const order = await signatoryOrder(secondId);
    for (const actor of [nakahara, kalita, admin]) {
      await expectRefusedUnchanged(secondId, () => moveRow(actor, secondId, { kind: "signatory", id: order[1], direction: "up" }), "FORBIDDEN");
    }
    expect(await signatoryOrder(secondId)).toEqual(order);
  });

  it("answers NOT_FOUND for an unknown signatory, one of another meeting, or an unknown meeting", async () => {
    const xxviiSignatory = (await getMeeting(secretariat, xxviiId)).signatories[1]!;
    await expectRefusedUnchanged(secondId, () => moveRow(secretariat, secondId, { kind: "signatory", id: "no-such-row", direction: "up" }), "NOT_FOUND");
    await expectRefusedUnchanged(secondId, () => moveRow(secretariat, secondId, { kind: "signatory", id: xxviiSignatory.id, direction: "up" }), "NOT_FOUND");
    const order = await signatoryOrder(secondId);
    expect((await refusal(moveRow(secretariat, "no-such-meeting", { kind: "signatory", id: order[1], direction: "up" }))).code).toBe("NOT_FOUND");
    expect((await getMeeting(secretariat, xxviiId)).signatories[1]!.id).toBe(xxviiSignatory.id);
  });

  it("refuses an unknown direction with VALIDATION", async () => {
    const order = await signatoryOrder(secondId);
    const error = await expectRefusedUnchanged(
      secondId,
      () => moveRow(secretariat, secondId, { kind: "signatory", id: order[1], direction: "sideways" }),
      "VALIDATION",
    );
    expect(error.fieldErrors).toEqual({ direction: "invalid" });
  });
});
