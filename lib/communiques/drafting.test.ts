import { beforeAll, describe, expect, it } from "vitest";
import { verifyChain } from "@/lib/audit/verify-chain";
import type { Actor } from "@/lib/auth/actor";
import { confirmTranslation } from "@/lib/clauses/confirm-translation";
import { deleteClause, restoreClause } from "@/lib/clauses/delete-clause";
import { insertClause } from "@/lib/clauses/insert-clause";
import { moveClause } from "@/lib/clauses/move-clause";
import { updateClauseText } from "@/lib/clauses/update-clause-text";
import type { TextBlock } from "@/lib/communique/content";
import { formatDateRangeJa, formatDateRangeRu } from "@/lib/communique/format-date";
import { db } from "@/lib/db";
import { saveToLibrary } from "@/lib/library/save-to-library";
import { updateMeeting } from "@/lib/meetings/update-meeting";
import { saveRevision } from "@/lib/revisions/save-revision";
import {
  createTestCommunique,
  createTestMeeting,
  KALITA,
  refusal,
  seededLibraryClause,
  seedText,
} from "@/lib/testing/drafting-fixtures";
import { actorFor, ADMIN, SECRETARIAT, useTestDatabase } from "@/lib/testing/test-db";
import { createCommunique } from "./create-communique";
import { EDITABLE_PARTS } from "./draft-sources";
import { getDraft } from "./get-draft";
import { setNumbering } from "./set-numbering";
import { submitCommunique } from "./submit-communique";
import { updatePart } from "./update-part";

useTestDatabase();

let secretariat: Actor;
let admin: Actor;
let kalita: Actor;

beforeAll(async () => {
  [secretariat, admin, kalita] = await Promise.all([actorFor(SECRETARIAT), actorFor(ADMIN), actorFor(KALITA)]);
});

const clauseIds = async (communiqueId: string) => (await getDraft(secretariat, communiqueId)).clauses.map((c) => c.id);
const clauseBlocks = (draft: Awaited<ReturnType<typeof getDraft>>) =>
  draft.content.blocks.filter((b): b is TextBlock => b.kind === "clause");
const partOf = (draft: Awaited<ReturnType<typeof getDraft>>, kind: string) => {
  const part = draft.parts.find((p) => p.kind === kind);
  if (!part) throw new Error(`no part ${kind}`);
  return part;
};
const blockOf = (draft: Awaited<ReturnType<typeof getDraft>>, id: string) => {
  const block = draft.content.blocks.find((b) => b.id === id);
  if (!block || block.kind === "participants") throw new Error(`no text block ${id}`);
  return block;
};
const eventsOf = (communiqueId: string, action?: string) =>
  db.auditEvent.findMany({
    where: { subjectType: "Communique", subjectId: communiqueId, ...(action ? { action } : {}) },
    orderBy: { seq: "asc" },
  });

describe("createCommunique", () => {
  it("starts a DRAFT with the six editable parts generated from the meeting and no clauses", async () => {
    const meeting = await createTestMeeting();
    const { id } = await createCommunique(secretariat, meeting.id);
    const draft = await getDraft(secretariat, id);

    expect(draft.communique).toMatchObject({ id, status: "DRAFT", numberClauses: false, meetingId: meeting.id });
    expect(draft.meeting).toEqual({ ordinal: meeting.ordinal, number: meeting.number });
    expect(draft.parts.map((p) => p.kind)).toEqual(["title", "meetingLine", "preamble", "topics", "closing", "formula"]);
    expect(draft.parts.map((p) => p.kind)).toEqual(EDITABLE_PARTS);
    for (const part of draft.parts) {
      expect(part.edited, part.kind).toEqual({ ru: false, ja: false });
      expect(part.version, part.kind).toBe(1);
      expect(part.text, part.kind).toEqual(part.generated);
      expect(part.text.ru.length, part.kind).toBeGreaterThan(0);
      expect(part.text.ja.length, part.kind).toBeGreaterThan(0);
      // The live content prints the same text under the part's stable block id.
      expect(blockOf(draft, part.blockId).text, part.kind).toEqual(part.text);
    }
    // Generated from this meeting's own facts: its ordinal and number, the seeded host city and dates.
    expect(partOf(draft, "meetingLine").text.ru.startsWith(`${meeting.ordinal} Встречи мэров`)).toBe(true);
    expect(partOf(draft, "meetingLine").text.ja).toBe(`第${meeting.number}回日ロ沿岸市長会議`);
    expect(partOf(draft, "preamble").text.ru).toContain(`${meeting.ordinal} Встрече, проводившейся в г. Петропавловске-Камчатском`);
    expect(partOf(draft, "preamble").text.ru).toContain(formatDateRangeRu("2019-08-20", "2019-08-25"));
    expect(partOf(draft, "title").text).toEqual({ ru: "КОММЮНИКЕ", ja: "共同コミュニケ" });

    expect(draft.clauses).toEqual([]);
    expect(clauseBlocks(draft)).toEqual([]);
    expect(draft.content.blocks.map((b) => b.kind)).toEqual([
      "title",
      "meetingLine",
      "preamble",
      "participants",
      "topics",
      "closing",
      "formula",
    ]);
    expect(draft.content.signatories).toHaveLength(8);
    expect(draft.latestRevision).toBeNull();
    expect(draft.canEdit).toBe(true);
    expect(draft.canSubmit).toBe(true);

    const created = await eventsOf(id, "communique.created");
    expect(created).toHaveLength(1);
    expect(created[0]!.actorUserId).toBe(secretariat.userId);
    expect(created[0]!.data).toEqual({ meeting: meeting.id });
  });

  it("refuses a second communiqué for the same meeting with ALREADY_EXISTS, naming the first", async () => {
    const { meetingId, communiqueId } = await createTestCommunique(secretariat);
    const error = await refusal(createCommunique(secretariat, meetingId));
    expect(error.code).toBe("ALREADY_EXISTS");
    expect(error.details).toEqual({ id: communiqueId });
    expect(await db.communique.count({ where: { meetingId } })).toBe(1);
  });

  it("allows a new communiqué once the previous one is cancelled", async () => {
    const { meetingId, communiqueId } = await createTestCommunique(secretariat);
    await db.communique.update({ where: { id: communiqueId }, data: { status: "CANCELLED" } });
    const { id } = await createCommunique(secretariat, meetingId);
    expect(id).not.toBe(communiqueId);
    expect((await getDraft(secretariat, id)).communique.status).toBe("DRAFT");
  });

  it("refuses a delegate of the meeting and the admin with FORBIDDEN, and no one with UNAUTHENTICATED", async () => {
    const meeting = await createTestMeeting();
    for (const actor of [kalita, admin]) {
      expect((await refusal(createCommunique(actor, meeting.id))).code, actor.email).toBe("FORBIDDEN");
    }
    expect((await refusal(createCommunique(null, meeting.id))).code).toBe("UNAUTHENTICATED");
    expect(await db.communique.count({ where: { meetingId: meeting.id } })).toBe(0);
  });

  it("refuses a meeting without topics or signatories with MEETING_INCOMPLETE, naming what is missing, and creates nothing", async () => {
    const meeting = await createTestMeeting();
    await db.meetingTopic.deleteMany({ where: { meetingId: meeting.id } });
    const noTopics = await refusal(createCommunique(secretariat, meeting.id));
    expect(noTopics.code).toBe("MEETING_INCOMPLETE");
    expect(noTopics.params).toEqual({ missing: "topics" });
    const other = await createTestMeeting();
    await db.signatory.deleteMany({ where: { meetingId: other.id } });
    expect((await refusal(createCommunique(secretariat, other.id))).params).toEqual({ missing: "signatories" });
    expect(await db.communique.count({ where: { meetingId: { in: [meeting.id, other.id] } } })).toBe(0);
  });

  it("answers NOT_FOUND for an unknown meeting", async () => {
    expect((await refusal(createCommunique(secretariat, "no-such-meeting"))).code).toBe("NOT_FOUND");
  });
});

describe("clauses in the draft", () => {
  let communiqueId: string;
  let visa: string;
  let freight: string;
  let peace: string;

  beforeAll(async () => {
    ({ communiqueId } = await createTestCommunique(secretariat));
  });

  it("inserts library clauses at the end, at position 0 and in the middle", async () => {
    const [visaLib, freightLib, peaceLib] = await Promise.all([
      seededLibraryClause("visa-facilitation"),
      seededLibraryClause("freight"),
      seededLibraryClause("peace-treaty"),
    ]);
    // Into the empty draft, "past the end" means at the end.
    ({ id: visa } = await insertClause(secretariat, { communiqueId, position: 99, libraryClauseId: visaLib.id }));
    expect(await clauseIds(communiqueId)).toEqual([visa]);
    ({ id: freight } = await insertClause(secretariat, { communiqueId, position: 0, libraryClauseId: freightLib.id }));
    expect(await clauseIds(communiqueId)).toEqual([freight, visa]);
    ({ id: peace } = await insertClause(secretariat, { communiqueId, position: 1, libraryClauseId: peaceLib.id }));
    expect(await clauseIds(communiqueId)).toEqual([freight, peace, visa]);

    const draft = await getDraft(secretariat, communiqueId);
    const byId = new Map(draft.clauses.map((c) => [c.id, c]));
    expect(byId.get(visa)).toMatchObject({ ...textOf("visa-facilitation"), version: 1, ruStale: false, jaStale: false, blockId: `clause-${visa}` });
    expect(byId.get(freight)).toMatchObject({ ...textOf("freight"), ruStale: false, jaStale: false });
    expect(byId.get(peace)).toMatchObject({ ...textOf("peace-treaty"), ruStale: false, jaStale: false });
    const rows = await db.clause.findMany({ where: { communiqueId }, orderBy: { position: "asc" } });
    expect(rows.map((r) => [r.id, r.position, r.libraryClauseId])).toEqual([
      [freight, 0, freightLib.id],
      [peace, 1, peaceLib.id],
      [visa, 2, visaLib.id],
    ]);

    // The content prints the clauses, in that order, between the topics and the closing.
    const kinds = draft.content.blocks.map((b) => b.id);
    expect(kinds).toEqual([
      "title",
      "meeting-line",
      "preamble",
      "participants",
      "topics",
      `clause-${freight}`,
      `clause-${peace}`,
      `clause-${visa}`,
      "closing",
      "formula",
    ]);
    expect(clauseBlocks(draft).map((b) => b.text)).toEqual([
      seedText("freight"),
      seedText("peace-treaty"),
      seedText("visa-facilitation"),
    ]);
    expect(clauseBlocks(draft).every((b) => b.number === undefined)).toBe(true);

    const inserted = await eventsOf(communiqueId, "clause.inserted");
    expect(inserted.map((e) => (e.data as { clause: string }).clause)).toEqual([visa, freight, peace]);
    expect(inserted.map((e) => (e.data as { position: number }).position)).toEqual([0, 0, 1]);
    expect((inserted[0]!.data as { fromLibrary: string }).fromLibrary).toBe(visaLib.id);
  });

  it("inserts an empty clause", async () => {
    const { id: empty } = await insertClause(secretariat, { communiqueId, position: 3 });
    const draft = await getDraft(secretariat, communiqueId);
    expect(draft.clauses.map((c) => c.id)).toEqual([freight, peace, visa, empty]);
    expect(draft.clauses[3]).toMatchObject({ id: empty, textRu: "", textJa: "", ruStale: false, jaStale: false, version: 1 });
    expect(clauseBlocks(draft)[3]).toMatchObject({ id: `clause-${empty}`, text: { ru: "", ja: "" } });
    const row = await db.clause.findUniqueOrThrow({ where: { id: empty } });
    expect(row.libraryClauseId).toBeNull();
    // Take it out again so that the order below stays the three library clauses.
    await deleteClause(secretariat, { clauseId: empty });
    expect(await clauseIds(communiqueId)).toEqual([freight, peace, visa]);
  });

  it("refuses an unknown library clause with NOT_FOUND and inserts nothing", async () => {
    const before = await db.clause.count({ where: { communiqueId } });
    expect((await refusal(insertClause(secretariat, { communiqueId, position: 0, libraryClauseId: "no-such-clause" }))).code).toBe("NOT_FOUND");
    expect(await db.clause.count({ where: { communiqueId } })).toBe(before);
  });

  it("refuses a negative position with VALIDATION", async () => {
    const error = await refusal(insertClause(secretariat, { communiqueId, position: -1 }));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors).toHaveProperty("position");
  });

  it("numbers the content's clauses 1..n when numbering is on, and not when it is off", async () => {
    await setNumbering(secretariat, communiqueId, true);
    let draft = await getDraft(secretariat, communiqueId);
    expect(draft.communique.numberClauses).toBe(true);
    expect(clauseBlocks(draft).map((b) => [b.id, b.number])).toEqual([
      [`clause-${freight}`, 1],
      [`clause-${peace}`, 2],
      [`clause-${visa}`, 3],
    ]);
    // Only the body clauses carry numbers.
    for (const block of draft.content.blocks) {
      if (block.kind !== "clause" && block.kind !== "participants") expect(block.number, block.id).toBeUndefined();
    }

    await setNumbering(secretariat, communiqueId, false);
    draft = await getDraft(secretariat, communiqueId);
    expect(draft.communique.numberClauses).toBe(false);
    expect(clauseBlocks(draft)).toHaveLength(3);
    expect(clauseBlocks(draft).every((b) => !("number" in b))).toBe(true);
    expect((await eventsOf(communiqueId, "communique.numbering")).map((e) => e.data)).toEqual([
      { numberClauses: true },
      { numberClauses: false },
    ]);
  });

  it("moves a clause to another index, and past the end to the end", async () => {
    await moveClause(secretariat, { clauseId: visa, toIndex: 0 });
    expect(await clauseIds(communiqueId)).toEqual([visa, freight, peace]);
    await moveClause(secretariat, { clauseId: freight, toIndex: 2 });
    expect(await clauseIds(communiqueId)).toEqual([visa, peace, freight]);
    await moveClause(secretariat, { clauseId: visa, toIndex: 50 });
    expect(await clauseIds(communiqueId)).toEqual([peace, freight, visa]);
    await moveClause(secretariat, { clauseId: freight, toIndex: 0 });
    expect(await clauseIds(communiqueId)).toEqual([freight, peace, visa]);

    // The numbers follow the new order.
    await setNumbering(secretariat, communiqueId, true);
    expect(clauseBlocks(await getDraft(secretariat, communiqueId)).map((b) => [b.id, b.number])).toEqual([
      [`clause-${freight}`, 1],
      [`clause-${peace}`, 2],
      [`clause-${visa}`, 3],
    ]);
    await setNumbering(secretariat, communiqueId, false);
    const moved = await eventsOf(communiqueId, "clause.moved");
    expect(moved[0]!.data).toEqual({ clause: visa, from: 2, to: 0 });
  });

  it("does not record a move to the clause's own place", async () => {
    const before = (await eventsOf(communiqueId, "clause.moved")).length;
    await moveClause(secretariat, { clauseId: peace, toIndex: 1 });
    expect(await clauseIds(communiqueId)).toEqual([freight, peace, visa]);
    expect(await eventsOf(communiqueId, "clause.moved")).toHaveLength(before);
  });

  it("deletes a clause from the draft and restores it at its place", async () => {
    await deleteClause(secretariat, { clauseId: peace });
    let draft = await getDraft(secretariat, communiqueId);
    expect(draft.clauses.map((c) => c.id)).toEqual([freight, visa]);
    expect(clauseBlocks(draft).map((b) => b.id)).toEqual([`clause-${freight}`, `clause-${visa}`]);
    // Kept, marked deleted, so that it can come back.
    expect((await db.clause.findUniqueOrThrow({ where: { id: peace } })).deletedAt).not.toBeNull();

    // A deleted clause cannot be moved or deleted again.
    expect((await refusal(moveClause(secretariat, { clauseId: peace, toIndex: 0 }))).code).toBe("NOT_FOUND");
    expect((await refusal(deleteClause(secretariat, { clauseId: peace }))).code).toBe("NOT_FOUND");

    await restoreClause(secretariat, { clauseId: peace });
    draft = await getDraft(secretariat, communiqueId);
    expect(draft.clauses.map((c) => c.id)).toEqual([freight, peace, visa]);
    expect(draft.clauses[1]).toMatchObject(textOf("peace-treaty"));
    expect((await db.clause.findUniqueOrThrow({ where: { id: peace } })).deletedAt).toBeNull();
    expect((await eventsOf(communiqueId, "clause.deleted")).map((e) => (e.data as { clause: string }).clause)).toContain(peace);
    expect((await eventsOf(communiqueId, "clause.restored")).map((e) => e.data)).toEqual([{ clause: peace }]);
  });

  it("restores the first and the last clause at their places", async () => {
    await deleteClause(secretariat, { clauseId: freight });
    expect(await clauseIds(communiqueId)).toEqual([peace, visa]);
    await restoreClause(secretariat, { clauseId: freight });
    expect(await clauseIds(communiqueId)).toEqual([freight, peace, visa]);
    await deleteClause(secretariat, { clauseId: visa });
    expect(await clauseIds(communiqueId)).toEqual([freight, peace]);
    await restoreClause(secretariat, { clauseId: visa });
    expect(await clauseIds(communiqueId)).toEqual([freight, peace, visa]);
    // Restoring a live clause changes nothing.
    await restoreClause(secretariat, { clauseId: visa });
    expect(await clauseIds(communiqueId)).toEqual([freight, peace, visa]);
    const positions = await db.clause.findMany({ where: { communiqueId, deletedAt: null }, orderBy: { position: "asc" } });
    expect(positions.map((c) => c.position)).toEqual([0, 1, 2]);
  });

  it("undoes two deletions in reverse order back to the original order", async () => {
    await deleteClause(secretariat, { clauseId: peace });
    await deleteClause(secretariat, { clauseId: visa });
    expect(await clauseIds(communiqueId)).toEqual([freight]);
    await restoreClause(secretariat, { clauseId: visa });
    await restoreClause(secretariat, { clauseId: peace });
    expect(await clauseIds(communiqueId)).toEqual([freight, peace, visa]);
  });

  it("keeps the audit chain intact", async () => {
    expect(await verifyChain(db)).toMatchObject({ ok: true });
  });
});

function textOf(key: Parameters<typeof seedText>[0]) {
  const t = seedText(key);
  return { textRu: t.ru, textJa: t.ja };
}

describe("generated parts", () => {
  let meetingId: string;
  let communiqueId: string;
  const HAND_PREAMBLE = "По приглашению Ассоциации делегация японских городов посетила Камчатку (правка вручную).";

  beforeAll(async () => {
    ({ meetingId, communiqueId } = await createTestCommunique(secretariat));
  });

  async function changeMeeting(changes: Record<string, unknown>) {
    const m = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    await updateMeeting(secretariat, meetingId, {
      version: m.version,
      ordinal: m.ordinal,
      nameRu: m.nameRu,
      nameJa: m.nameJa,
      startDate: iso(m.startDate),
      endDate: iso(m.endDate),
      venueRu: m.venueRu,
      venueJa: m.venueJa,
      hostCountryRu: m.hostCountryRu,
      hostCountryJa: m.hostCountryJa,
      nextOrdinal: m.nextOrdinal,
      nextYear: m.nextYear,
      nextCountryRu: m.nextCountryRu,
      nextCountryJa: m.nextCountryJa,
      signingDate: iso(m.signingDate),
      signingPlaceRu: m.signingPlaceRu,
      signingPlaceJa: m.signingPlaceJa,
      ...changes,
    });
  }

  it("shows a hand edit of the Russian preamble as edited, the Japanese still generated", async () => {
    const result = await updatePart(secretariat, { communiqueId, kind: "preamble", lang: "ru", text: HAND_PREAMBLE, baseVersion: 1 });
    expect(result).toEqual({ version: 2, textRu: HAND_PREAMBLE, textJa: null });

    const draft = await getDraft(secretariat, communiqueId);
    const preamble = partOf(draft, "preamble");
    expect(preamble.edited).toEqual({ ru: true, ja: false });
    expect(preamble.version).toBe(2);
    expect(preamble.text.ru).toBe(HAND_PREAMBLE);
    expect(preamble.text.ja).toBe(preamble.generated.ja);
    expect(preamble.generated.ru).not.toBe(HAND_PREAMBLE);
    expect(blockOf(draft, "preamble").text).toEqual({ ru: HAND_PREAMBLE, ja: preamble.generated.ja });
    // The other parts are untouched.
    for (const part of draft.parts.filter((p) => p.kind !== "preamble")) {
      expect(part.edited, part.kind).toEqual({ ru: false, ja: false });
    }

    const [event] = await eventsOf(communiqueId, "part.edited");
    expect(event!.data).toMatchObject({ part: "preamble", lang: "ru", before: null });
    expect((event!.data as { after: string }).after).toMatch(/^[0-9a-f]{64}$/);
  });

  it("lets the parts that were not edited follow a change of the meeting, and keeps the hand edit", async () => {
    const before = await getDraft(secretariat, communiqueId);
    await changeMeeting({
      startDate: "2019-08-19",
      endDate: "2019-08-26",
      nameJa: "日ロ沿岸市長会議（特別）",
      nextYear: 2031,
    });
    const after = await getDraft(secretariat, communiqueId);

    // The meeting line and the closing follow the new meeting data.
    const meetingLine = partOf(after, "meetingLine");
    expect(meetingLine.edited).toEqual({ ru: false, ja: false });
    expect(meetingLine.text.ja).toBe(`第${after.meeting.number}回日ロ沿岸市長会議（特別）`);
    expect(meetingLine.text.ja).not.toBe(partOf(before, "meetingLine").text.ja);
    const closing = partOf(after, "closing");
    expect(closing.text.ru).toContain("в 2031 году");
    expect(closing.text.ja).toContain("2031年");
    expect(closing.text.ja).toContain("日ロ沿岸市長会議（特別）");
    expect(blockOf(after, "closing").text).toEqual(closing.text);

    // The Japanese preamble, never edited, follows the new dates.
    const preamble = partOf(after, "preamble");
    expect(preamble.text.ja).toContain(formatDateRangeJa("2019-08-19", "2019-08-26"));
    expect(preamble.text.ja).not.toContain(formatDateRangeJa("2019-08-20", "2019-08-25"));
    expect(preamble.text.ja).toBe(preamble.generated.ja);
    // The hand-edited Russian preamble keeps the hand edit; what would be generated has changed.
    expect(preamble.edited).toEqual({ ru: true, ja: false });
    expect(preamble.text.ru).toBe(HAND_PREAMBLE);
    expect(preamble.generated.ru).toContain(formatDateRangeRu("2019-08-19", "2019-08-26"));
    expect(blockOf(after, "preamble").text).toEqual({ ru: HAND_PREAMBLE, ja: preamble.generated.ja });
  });

  it("goes back to following the meeting when the hand edit is reset", async () => {
    const result = await updatePart(secretariat, { communiqueId, kind: "preamble", lang: "ru", text: null, baseVersion: 2 });
    expect(result).toEqual({ version: 3, textRu: null, textJa: null });
    const draft = await getDraft(secretariat, communiqueId);
    const preamble = partOf(draft, "preamble");
    expect(preamble.edited).toEqual({ ru: false, ja: false });
    expect(preamble.text).toEqual(preamble.generated);
    expect(preamble.text.ru).toContain(formatDateRangeRu("2019-08-19", "2019-08-26"));
    expect((await db.standardPart.findUniqueOrThrow({ where: { communiqueId_kind: { communiqueId, kind: "preamble" } } })).editedAt).toBeNull();
    expect((await eventsOf(communiqueId, "part.reset")).map((e) => e.data)).toEqual([
      expect.objectContaining({ part: "preamble", lang: "ru", after: null }),
    ]);

    // And it keeps following it.
    await changeMeeting({ startDate: "2019-08-18", endDate: "2019-08-26" });
    const later = partOf(await getDraft(secretariat, communiqueId), "preamble");
    expect(later.text.ru).toContain(formatDateRangeRu("2019-08-18", "2019-08-26"));
  });

  it("edits the Japanese of a part independently of its Russian", async () => {
    const text = "本共同コミュニケは、日本語及びロシア語により作成された。";
    await updatePart(secretariat, { communiqueId, kind: "formula", lang: "ja", text, baseVersion: 1 });
    const formula = partOf(await getDraft(secretariat, communiqueId), "formula");
    expect(formula.edited).toEqual({ ru: false, ja: true });
    expect(formula.text).toEqual({ ru: formula.generated.ru, ja: text });
  });

  it("stores a part's text cleaned like a clause's: controls and doubled spaces go, every character typed stays", async () => {
    await updatePart(secretariat, { communiqueId, kind: "topics", lang: "ru", text: "<p>Участники  <b>обсудили</b>\u0007 темы</p>", baseVersion: 1 });
    expect(partOf(await getDraft(secretariat, communiqueId), "topics").text.ru).toBe("<p>Участники <b>обсудили</b> темы</p>");
  });

  it("refuses a save from an older version with EDIT_CONFLICT and keeps the stored text", async () => {
    const error = await refusal(updatePart(secretariat, { communiqueId, kind: "formula", lang: "ja", text: "別の文。", baseVersion: 1 }));
    expect(error.code).toBe("EDIT_CONFLICT");
    expect(error.details).toEqual({ yours: "別の文。", lang: "ja", theirs: { version: 2, textRu: null, textJa: "本共同コミュニケは、日本語及びロシア語により作成された。" } });
    expect(partOf(await getDraft(secretariat, communiqueId), "formula").text.ja).toBe("本共同コミュニケは、日本語及びロシア語により作成された。");
  });

  it("refuses a part that cannot be edited by hand (participants) with VALIDATION", async () => {
    const error = await refusal(updatePart(secretariat, { communiqueId, kind: "participants", lang: "ru", text: "x", baseVersion: 1 }));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors).toHaveProperty("kind");
  });
});

describe("permissions of the drafting use cases", () => {
  let communiqueId: string;
  let live: string;
  let deleted: string;
  let flagged: string;

  beforeAll(async () => {
    ({ communiqueId } = await createTestCommunique(secretariat));
    const lib = await seededLibraryClause("exchange-year");
    ({ id: live } = await insertClause(secretariat, { communiqueId, position: 0, libraryClauseId: lib.id }));
    ({ id: flagged } = await insertClause(secretariat, { communiqueId, position: 1, libraryClauseId: lib.id }));
    ({ id: deleted } = await insertClause(secretariat, { communiqueId, position: 2, libraryClauseId: lib.id }));
    await updateClauseText(secretariat, { clauseId: flagged, lang: "ru", text: "Стороны приветствовали решение.", baseVersion: 1 });
    await deleteClause(secretariat, { clauseId: deleted });
  });

  /** Everything a refused call must leave as it was. */
  async function snapshot() {
    const communique = await db.communique.findUniqueOrThrow({
      where: { id: communiqueId },
      include: { clauses: { orderBy: { id: "asc" } }, parts: { orderBy: { kind: "asc" } }, revisions: true },
    });
    return {
      communique,
      events: await db.auditEvent.count({ where: { subjectType: "Communique", subjectId: communiqueId } }),
      library: await db.libraryClause.count(),
      totalEvents: await db.auditEvent.count(),
    };
  }

  const calls: [string, (actor: Actor | null) => Promise<unknown>][] = [
    ["insertClause", (a) => insertClause(a, { communiqueId, position: 0 })],
    ["updateClauseText", (a) => updateClauseText(a, { clauseId: live, lang: "ru", text: "Иной текст.", baseVersion: 1 })],
    ["confirmTranslation", (a) => confirmTranslation(a, { clauseId: flagged, lang: "ja" })],
    ["deleteClause", (a) => deleteClause(a, { clauseId: live })],
    ["restoreClause", (a) => restoreClause(a, { clauseId: deleted })],
    ["moveClause", (a) => moveClause(a, { clauseId: live, toIndex: 1 })],
    ["updatePart", (a) => updatePart(a, { communiqueId, kind: "preamble", lang: "ru", text: "Иная преамбула.", baseVersion: 1 })],
    ["setNumbering", (a) => setNumbering(a, communiqueId, true)],
    ["saveRevision", (a) => saveRevision(a, communiqueId)],
    ["submitCommunique", (a) => submitCommunique(a, communiqueId)],
    ["saveToLibrary", (a) => saveToLibrary(a, { clauseId: live })],
  ];

  it("refuses a delegate of the meeting and the admin with FORBIDDEN, changing nothing", async () => {
    // Both may see the draft: the refusal is about editing, not about seeing.
    for (const actor of [kalita, admin]) {
      const draft = await getDraft(actor, communiqueId);
      expect(draft.canEdit, actor.email).toBe(false);
      expect(draft.canSubmit, actor.email).toBe(false);
    }
    const before = await snapshot();
    for (const actor of [kalita, admin]) {
      for (const [name, call] of calls) {
        expect((await refusal(call(actor))).code, `${name} by ${actor.email}`).toBe("FORBIDDEN");
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an anonymous caller with UNAUTHENTICATED, changing nothing", async () => {
    const before = await snapshot();
    for (const [name, call] of calls) {
      expect((await refusal(call(null))).code, name).toBe("UNAUTHENTICATED");
    }
    expect((await refusal(getDraft(null, communiqueId))).code).toBe("UNAUTHENTICATED");
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a delegate who does not take part in the meeting even the draft", async () => {
    const person = await db.person.create({ data: { side: "JP", nameRu: "Посторонний", nameJa: "部外者" } });
    const user = await db.user.create({
      data: {
        email: `outsider-${person.id}@test.example`,
        displayName: "Outsider",
        role: "DELEGATE",
        locale: "ja",
        personId: person.id,
        passwordHash: "unused",
      },
    });
    const outsider = await actorFor(user.email);
    expect((await refusal(getDraft(outsider, communiqueId))).code).toBe("FORBIDDEN");
    expect((await refusal(insertClause(outsider, { communiqueId, position: 0 }))).code).toBe("FORBIDDEN");
  });

  it("still lets the secretariat do them afterwards", async () => {
    await moveClause(secretariat, { clauseId: live, toIndex: 1 });
    expect(await clauseIds(communiqueId)).toEqual([flagged, live]);
  });

  // Like getMeeting and loadCommunique, which refuse an anonymous caller before telling
  // whether the meeting or communiqué exists, a clause use case should not tell an anonymous
  // caller whether a clause id exists. It answers NOT_FOUND before checking the actor.
  it("refuses an anonymous caller with UNAUTHENTICATED also for an unknown clause id", async () => {
    expect((await refusal(deleteClause(null, { clauseId: "no-such-clause" }))).code).toBe("UNAUTHENTICATED");
  });
});
