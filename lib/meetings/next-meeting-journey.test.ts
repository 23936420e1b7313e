import { randomInt, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { insertClause } from "@/lib/clauses/insert-clause";
import type { CommuniqueContent, TextBlock } from "@/lib/communique/content";
import { toRoman } from "@/lib/communique/roman";
import { createCommunique } from "@/lib/communiques/create-communique";
import { submitCommunique } from "@/lib/communiques/submit-communique";
import { db } from "@/lib/db";
import { saveEntry } from "@/lib/directory/save-entry";
import { pdftotext } from "@/lib/pdf/testing/poppler";
import type { RevisionPayload } from "@/lib/revisions/revision-payload";
import { getSealCertificate } from "@/lib/seal/seal-certificate";
import { openSigning } from "@/lib/signatures/open-signing";
import { signedPdf } from "@/lib/signatures/signed-pdf";
import { verifyDocument } from "@/lib/signatures/verify-document";
import {
  approvalActors,
  decideAs,
  GLADKIKH,
  HONDA,
  IVANENKO,
  KALITA,
  KRAVCHUK,
  MATSUDA,
  NAKAHARA,
  roundsOf,
  statusOf,
  TATAMI,
  type Actors,
} from "@/lib/testing/approval-fixtures";
import { refusal, seededLibraryClause } from "@/lib/testing/drafting-fixtures";
import { meetingSignatories, mixedMethod, PASSWORD, sha256, signAs, useSigningDatabase, type MeetingSignatory } from "@/lib/testing/signing-fixtures";
import { actorFor, SECRETARIAT } from "@/lib/testing/test-db";
import { addDelegation } from "./add-delegation";
import { addParticipant } from "./add-participant";
import { addSignatory } from "./add-signatory";
import { createMeeting } from "./create-meeting";
import { removeDelegation } from "./remove-delegation";
import { removeRow } from "./remove-row";

// The next meeting, end to end through the use cases: XXVIII-like (a random free number, so
// that the file can run again on a shared PostgreSQL database), in Niigata, 5–7 October 2021,
// started from the seeded XXVII. Vladivostok joins with a new mayor, Nakhodka stays away; the
// communiqué is drafted from the library, routed, approved by THIS meeting's heads, signed by
// THIS meeting's signatories and sealed. The steps share state and run in order: a step that
// fails leaves the ones after it failing too.

// The signing database: approvals and signing queue mail, delivered before the database closes.
useSigningDatabase();

/** For comparing typeset text with its source, as e2e/40-signing.spec.ts does: no whitespace, soft hyphens nor hyphens. */
const compact = (s: string) => s.normalize("NFC").replace(/[\s\u00ad\u200b-]+/g, "");

/** A short random tag: directory names must be unique per side among entries in use, and the e-mail of a person is unique. */
const TAG = randomUUID().slice(0, 6);

const VLADIVOSTOK = { nameRu: `Владивосток ${TAG}`, nameJa: `ウラジオストク市${TAG}`, nameLocativeRu: `Владивостоке ${TAG}` };
const SHESTAKOV = { nameRu: `Шестаков К. В. ${TAG}`, nameJa: `K・V・シェスタコフ${TAG}`, email: `shestakov-${TAG}@vladivostok.example` };
const MAYOR_OF_VLADIVOSTOK = { titleRu: "Мэр города Владивостока", titleJa: "ウラジオストク市長" };

/**
 * A meeting number no meeting has yet, drawn from 1000–3998: on a shared PostgreSQL database
 * 28 may be taken by another file (or an earlier run), and 3999 has no next meeting with a
 * Roman numeral (4000).
 */
async function freeNumber(): Promise<number> {
  for (;;) {
    const number = randomInt(1000, 3999);
    if (!(await db.meeting.findUnique({ where: { number } }))) return number;
  }
}

let as: Actors;
let secretariat: Actor;
let shestakov: Actor;
let gladkikh: Actor;
let xxviiId: string;
let gladkikhPersonId: string;

let vladivostokId: string;
let shestakovPersonId: string;
let number: number;
let ordinal: string;
let meetingId: string;
let communiqueId: string;
let revisionId: string;
let hash: string;
let signatories: MeetingSignatory[];

beforeAll(async () => {
  as = await approvalActors();
  secretariat = as[SECRETARIAT]!;
  gladkikh = as[GLADKIKH]!;
  xxviiId = (await db.meeting.findUniqueOrThrow({ where: { number: 27 } })).id;
  gladkikhPersonId = gladkikh.personId!;
});

describe("the next meeting (XXVIII-like, Niigata 2021) goes from preparation to a sealed, signed communiqué", () => {
  it("1. the secretariat adds Vladivostok and its mayor Shestakov to the directory; Shestakov gets a delegate account", async () => {
    vladivostokId = (await saveEntry(secretariat, { kind: "city", side: "RU", ...VLADIVOSTOK })).id;
    shestakovPersonId = (await saveEntry(secretariat, { kind: "person", side: "RU", nameRu: SHESTAKOV.nameRu, nameJa: SHESTAKOV.nameJa, email: SHESTAKOV.email, locale: "ru" })).id;
    expect(await db.city.findUniqueOrThrow({ where: { id: vladivostokId } })).toMatchObject({ side: "RU", ...VLADIVOSTOK, retiredAt: null });
    expect(await db.person.findUniqueOrThrow({ where: { id: shestakovPersonId } })).toMatchObject({ side: "RU", nameRu: SHESTAKOV.nameRu, nameJa: SHESTAKOV.nameJa, email: SHESTAKOV.email });

    // Invitations are another story: the account is made directly, with the demo password,
    // since signing asks for the password again.
    await db.user.create({
      data: { email: SHESTAKOV.email, displayName: SHESTAKOV.nameRu, passwordHash: await hashPassword(PASSWORD), role: "DELEGATE", locale: "ru", personId: shestakovPersonId },
    });
    shestakov = await actorFor(SHESTAKOV.email);
    expect(shestakov).toMatchObject({ role: "DELEGATE", personId: shestakovPersonId });
  });

  it("2. createMeeting: a new number, hosted by Niigata, the Japanese association inviting, starting from XXVII", async () => {
    const niigata = await db.city.findFirstOrThrow({ where: { side: "JP", nameRu: "Ниигата", retiredAt: null } });
    const ruAssociation = await db.association.findFirstOrThrow({ where: { side: "RU", nameJa: "ロ日極東シベリア友好協会", retiredAt: null } });
    const jpAssociation = await db.association.findFirstOrThrow({ where: { side: "JP", nameJa: "日ロ沿岸市長会", retiredAt: null } });
    number = await freeNumber();
    ordinal = toRoman(number);

    meetingId = (
      await createMeeting(secretariat, {
        number: String(number),
        ordinal,
        nameRu: "Встреча мэров городов Сибири и Дальнего Востока РФ и мэров городов Западного побережья Японии",
        nameJa: "日ロ沿岸市長会議",
        startDate: "2021-10-05",
        endDate: "2021-10-07",
        venueRu: "Отель «Окура», Ниигата",
        venueJa: "ホテルオークラ新潟",
        hostCityId: niigata.id,
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
        fromMeetingId: xxviiId,
      })
    ).id;

    const meeting = await db.meeting.findUniqueOrThrow({
      where: { id: meetingId },
      include: { _count: { select: { delegations: true, participants: true, signatories: true, topics: true } } },
    });
    expect(meeting).toMatchObject({ number, ordinal, hostCityId: niigata.id, invitingAssociationId: jpAssociation.id, guestAssociationId: ruAssociation.id });
    // Everything of XXVII's people and topics is copied as the starting point.
    expect(meeting._count).toEqual({ delegations: 8, participants: 8, signatories: 8, topics: 2 });
  });

  it("3. Vladivostok's delegation comes with Shestakov as head; Nakhodka's goes; Gladkikh no longer signs; Shestakov attends and signs", async () => {
    const nakhodka = await db.delegation.findFirstOrThrow({ where: { meetingId, headPersonId: gladkikhPersonId } });
    const gladkikhSigns = await db.signatory.findFirstOrThrow({ where: { meetingId, personId: gladkikhPersonId } });

    const vladivostokDelegation = (await addDelegation(secretariat, meetingId, { cityId: vladivostokId, headPersonId: shestakovPersonId }))!.id;
    await removeDelegation(secretariat, meetingId, { id: nakhodka.id });
    await removeRow(secretariat, meetingId, { kind: "signatory", id: gladkikhSigns.id });
    await addParticipant(secretariat, meetingId, { delegationId: vladivostokDelegation, personId: shestakovPersonId, ...MAYOR_OF_VLADIVOSTOK });
    await addSignatory(secretariat, meetingId, { personId: shestakovPersonId, ...MAYOR_OF_VLADIVOSTOK });

    const meeting = await db.meeting.findUniqueOrThrow({
      where: { id: meetingId },
      include: {
        delegations: { orderBy: [{ side: "asc" }, { position: "asc" }], include: { head: { include: { user: true } } } },
        participants: { orderBy: { position: "asc" } },
        signatories: { orderBy: { position: "asc" }, include: { person: { include: { user: true } } } },
      },
    });
    // Vladivostok takes the end of the Russian side; Nakhodka (with its participant, Gladkikh) is gone.
    expect(meeting.delegations.map((d) => d.head.user?.email)).toEqual([KRAVCHUK, KALITA, IVANENKO, SHESTAKOV.email, NAKAHARA, TATAMI, MATSUDA, HONDA]);
    expect(meeting.delegations.find((d) => d.cityId === vladivostokId)).toMatchObject({ id: vladivostokDelegation, side: "RU", headPersonId: shestakovPersonId, deputyPersonId: null });
    expect(meeting.participants.map((p) => p.personId)).not.toContain(gladkikhPersonId);
    expect(meeting.participants.at(-1)).toMatchObject({ personId: shestakovPersonId, delegationId: vladivostokDelegation, ...MAYOR_OF_VLADIVOSTOK });
    expect(meeting.participants).toHaveLength(8);
    // The signing order: XXVII's without Gladkikh, and Shestakov at the end.
    expect(meeting.signatories.map((s) => s.person.user?.email)).toEqual([KRAVCHUK, NAKAHARA, KALITA, TATAMI, MATSUDA, IVANENKO, HONDA, SHESTAKOV.email]);
    expect(meeting.signatories.at(-1)).toMatchObject({ side: "RU", ...MAYOR_OF_VLADIVOSTOK });
  });

  it("4. the communiqué is drafted from two library clauses and routed: the host (Japanese) side first, then the Russian side", async () => {
    communiqueId = (await createCommunique(secretariat, meetingId)).id;
    for (const [position, key] of (["energy-and-ports", "freight"] as const).entries()) {
      const library = await seededLibraryClause(key);
      await insertClause(secretariat, { communiqueId, position, libraryClauseId: library.id });
    }

    const delegations = await db.delegation.findMany({ where: { meetingId }, orderBy: [{ side: "asc" }, { position: "asc" }] });
    const steps = Object.fromEntries(delegations.map((d) => [d.id, d.side === "JP" ? 1 : 2]));
    ({ revisionId, hash } = await submitCommunique(secretariat, communiqueId, { steps }));
    expect(await statusOf(communiqueId)).toBe("IN_APPROVAL");

    // One round on the submitted revision, with exactly this meeting's eight delegations in two steps.
    const [round, ...more] = await roundsOf(communiqueId);
    expect(more).toEqual([]);
    expect(round!.revision).toMatchObject({ id: revisionId, hash });
    const byStep = round!.steps.map((s) => s.members.map((m) => m.delegationId).sort());
    const ofSide = (side: string) => delegations.filter((d) => d.side === side).map((d) => d.id).sort();
    expect(byStep).toEqual([ofSide("JP"), ofSide("RU")]);

    // The frozen text is the new meeting's: its two clauses and the new mayor, not Gladkikh.
    const content = ((await db.revision.findUniqueOrThrow({ where: { id: revisionId } })).content as unknown as RevisionPayload).content;
    expect(content.meeting.ordinal).toBe(ordinal);
    expect(content.blocks.filter((b) => b.kind === "clause")).toHaveLength(2);
    expect(content.signatories.map((s) => s.name.ru)).toContain(SHESTAKOV.nameRu);
    expect(JSON.stringify(content)).not.toContain("Гладких");
  });

  it("5. every head of THIS meeting approves, in route order; APPROVED only after the last; Gladkikh is refused", async () => {
    const approve = (actor: Actor) => decideAs(actor, communiqueId, hash, "APPROVED");

    // Gladkikh headed Nakhodka at XXVII, but takes no part in this meeting any more.
    expect((await refusal(approve(gladkikh))).code).toBe("FORBIDDEN");
    // Shestakov is on the route, in the second step: not yet.
    expect((await refusal(approve(shestakov))).code).toBe("NOT_YOUR_TURN");

    // Kravchuk decides for Khabarovsk himself (Ivanova, his deputy, could have).
    const heads: Actor[] = [...[NAKAHARA, TATAMI, MATSUDA, HONDA, KRAVCHUK, KALITA, IVANENKO].map((e) => as[e]!), shestakov];
    for (const [n, head] of heads.entries()) {
      const last = n === heads.length - 1;
      const result = await approve(head);
      expect(result.state, head.email).toBe(last ? "APPROVED" : "IN_APPROVAL");
      expect(await statusOf(communiqueId), head.email).toBe(last ? "APPROVED" : "IN_APPROVAL");
    }
    expect((await refusal(approve(gladkikh))).code).toBe("FORBIDDEN");

    const communique = await db.communique.findUniqueOrThrow({ where: { id: communiqueId } });
    expect(communique.approvedRevisionId).toBe(revisionId);
    // One approval per delegation of this meeting, each on behalf of its own head.
    const approvals = await db.approval.findMany({ where: { revisionId }, include: { delegation: true } });
    expect(approvals).toHaveLength(8);
    for (const a of approvals) {
      expect(a.delegation.meetingId).toBe(meetingId);
      expect(a).toMatchObject({ decision: "APPROVED", revisionHash: hash, onBehalfOfPersonId: a.delegation.headPersonId });
    }
    expect(approvals.map((a) => a.onBehalfOfPersonId)).not.toContain(gladkikhPersonId);
  });

  it("6. signing opens; every signatory of THIS meeting signs (Shestakov last); Gladkikh is refused; the communiqué is SIGNED and sealed", async () => {
    expect(await openSigning(secretariat, communiqueId)).toEqual({ revisionHash: hash });
    expect(await statusOf(communiqueId)).toBe("SIGNING");
    signatories = await meetingSignatories(meetingId);
    expect(signatories.map((s) => s.email)).toEqual([KRAVCHUK, NAKAHARA, KALITA, TATAMI, MATSUDA, IVANENKO, HONDA, SHESTAKOV.email]);
    const actorOf = (email: string) => (email === SHESTAKOV.email ? shestakov : as[email]!);

    // Not with his own XXVII row, nor with anyone's row of this meeting: he does not take part.
    const hisXxviiRow = await db.signatory.findFirstOrThrow({ where: { meetingId: xxviiId, personId: gladkikhPersonId } });
    for (const signatoryId of [hisXxviiRow.id, signatories.at(-1)!.id]) {
      expect((await refusal(signAs(gladkikh, communiqueId, { signatoryId, hash }))).code).toBe("FORBIDDEN");
    }

    for (const [n, s] of signatories.entries()) {
      const last = n === signatories.length - 1;
      const { method, image } = mixedMethod(n);
      const result = await signAs(actorOf(s.email), communiqueId, { signatoryId: s.id, hash, method, ...(image ? { image } : {}) });
      expect(result.complete, s.email).toBe(last);
      // The last signature finalises inline (signCommunique awaits finaliseCommunique).
      expect(await statusOf(communiqueId), s.email).toBe(last ? "SIGNED" : "SIGNING");
      if (!last) expect(await db.finalDocument.findUnique({ where: { communiqueId } }), s.email).toBeNull();
    }

    const signatures = await db.signature.findMany({ where: { communiqueId } });
    expect(signatures.map((s) => s.signatoryId).sort()).toEqual(signatories.map((s) => s.id).sort());
    expect(signatures.every((s) => s.revisionId === revisionId && s.revisionHash === hash)).toBe(true);
    const final = await db.finalDocument.findUniqueOrThrow({ where: { communiqueId } });
    expect(final.revisionId).toBe(revisionId);
    expect(final.sha256).toBe(sha256(new Uint8Array(final.pdf)));
    expect(final.sealFingerprint).toBe((await getSealCertificate()).fingerprintSha256);
  }, 180_000);

  it("7. the signed PDF reads as this meeting's in both languages, with Shestakov and without Gladkikh, under a valid seal", async () => {
    // What the secretariat and the new mayor download is the stored document.
    const final = await db.finalDocument.findUniqueOrThrow({ where: { communiqueId } });
    const download = await signedPdf(secretariat, communiqueId);
    expect(download).toMatchObject({ sha256: final.sha256, ordinal, number });
    expect(sha256(download.bytes)).toBe(final.sha256);
    expect((await signedPdf(shestakov, communiqueId)).sha256).toBe(final.sha256);
    expect((await refusal(signedPdf(gladkikh, communiqueId))).code).toBe("FORBIDDEN");

    const text = compact(pdftotext(download.bytes, ["-raw", "-enc", "UTF-8"]));
    const expectText = (fragment: string) => expect(text, fragment).toContain(compact(fragment));

    // The meeting line: this meeting's ordinal in Russian, its number in Japanese.
    expectText(`${ordinal} Встречи мэров городов Сибири и Дальнего Востока РФ и мэров городов Западного побережья Японии`);
    expectText(`第${number}回日ロ沿岸市長会議`);
    // The preamble of a meeting hosted in Japan, 5–7 October 2021, by the Japanese association.
    expectText("По приглашению Ассоциации мэров городов Западного побережья Японии с 5 по 7 октября 2021 г. в Японии пребывала делегация");
    expectText(`с целью участия в ${ordinal} Встрече, проводившейся в г. Ниигата.`);
    expectText("日ロ沿岸市長会の招請により、ロ日極東シベリア友好協会代表団は、2021年10月5日から7日まで、新潟市において開催された");
    expectText(`次回の第${number + 1}回日ロ沿岸市長会議を2023年にロシアで開催することとした。`);
    // The host side's participants are listed first.
    expect(text.indexOf(compact("-с японской стороны"))).toBeGreaterThan(-1);
    expect(text.indexOf(compact("-с японской стороны"))).toBeLessThan(text.indexOf(compact("-с российской стороны")));
    // The new mayor, in both languages, with his title; Gladkikh and Nakhodka nowhere.
    for (const fragment of ["Шестаков", "シェスタコフ", SHESTAKOV.nameRu, SHESTAKOV.nameJa, "Мэр города Владивостока", "ウラジオストク市長"]) expectText(fragment);
    for (const absent of ["Гладких", "グラトキフ", "Находкинского", "ナホトカ"]) expect(text, absent).not.toContain(compact(absent));
    // The two clauses, in both languages.
    const revision = await db.revision.findUniqueOrThrow({ where: { id: revisionId } });
    const content: CommuniqueContent = (revision.content as unknown as RevisionPayload).content;
    for (const clause of content.blocks.filter((b): b is TextBlock => b.kind === "clause")) {
      expectText(clause.text.ru);
      expectText(clause.text.ja);
    }
    // The completion certificate names the approved revision.
    expect(text).toContain(hash);

    // The public check: on record for this meeting, the eight signers, our seal valid over the whole file (checked in-process).
    const meeting = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    const check = await verifyDocument(download.bytes);
    expect(check.genuine).toBe(true);
    expect(check.meeting).toEqual({ ordinal, number, line: { ru: `${ordinal} ${meeting.nameRu.replace(/^Встреча /, "Встречи ")}`, ja: `第${number}回${meeting.nameJa}` } });
    expect(check.signers.map((s) => s.name.ru).sort()).toEqual(signatories.map((s) => s.name.ru).sort());
    expect(check.signers.map((s) => s.name.ru)).toContain(SHESTAKOV.nameRu);
    expect(check.signers.map((s) => s.name.ru)).not.toContain("Гладких Б. И.");
    expect(check.seal).toEqual({ checked: true, signed: true, valid: true, intact: true, coversWholeDocument: true, certificateTrusted: false });
  }, 60_000);
});
