import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { confirmTranslation } from "@/lib/clauses/confirm-translation";
import { deleteClause } from "@/lib/clauses/delete-clause";
import { insertClause } from "@/lib/clauses/insert-clause";
import { updateClauseText } from "@/lib/clauses/update-clause-text";
import { db } from "@/lib/db";
import { findMissingGlyphs } from "@/lib/pdf/missing-glyphs";
import { getRevision } from "@/lib/revisions/list-revisions";
import { revisionHash, type RevisionPayload } from "@/lib/revisions/revision-payload";
import { saveRevision } from "@/lib/revisions/save-revision";
import { createTestCommunique, KALITA, refusal, seededLibraryClause } from "@/lib/testing/drafting-fixtures";
import { actorFor, ADMIN, SECRETARIAT, useTestDatabase } from "@/lib/testing/test-db";
import { draftContent, loadDraftSources } from "./draft-sources";
import { getDraft } from "./get-draft";
import { submitCommunique } from "./submit-communique";

useTestDatabase();

let secretariat: Actor;
let admin: Actor;
let kalita: Actor;

beforeAll(async () => {
  [secretariat, admin, kalita] = await Promise.all([actorFor(SECRETARIAT), actorFor(ADMIN), actorFor(KALITA)]);
});

const statusOf = async (id: string) => (await db.communique.findUniqueOrThrow({ where: { id } })).status;
const revisionCount = (id: string) => db.revision.count({ where: { communiqueId: id } });
const submittedEvents = (id: string) =>
  db.auditEvent.findMany({ where: { subjectType: "Communique", subjectId: id, action: "communique.submitted" }, orderBy: { seq: "asc" } });
const version = async (clauseId: string) => (await db.clause.findUniqueOrThrow({ where: { id: clauseId } })).version;

/** A communiqué with three in-sync clauses from the library. */
async function draftWithThreeClauses() {
  const { communiqueId, meetingId } = await createTestCommunique(secretariat);
  const ids: string[] = [];
  for (const key of ["eight-point-plan", "energy-and-ports", "business-missions"] as const) {
    const lib = await seededLibraryClause(key);
    ids.push((await insertClause(secretariat, { communiqueId, position: ids.length, libraryClauseId: lib.id })).id);
  }
  return { communiqueId, meetingId, ids: ids as [string, string, string] };
}

describe("submitCommunique: the submission flow", () => {
  let communiqueId: string;
  let a: string;
  let b: string;
  let c: string;
  let empty: string;
  let submitted: { revisionId: string; hash: string };

  beforeAll(async () => {
    ({ communiqueId, ids: [a, b, c] } = await draftWithThreeClauses());
  });

  /** A refusal leaves the communiqué as it was: still a draft, nothing frozen, nothing recorded. */
  async function expectUnchanged() {
    expect(await statusOf(communiqueId)).toBe("DRAFT");
    expect(await revisionCount(communiqueId)).toBe(0);
    expect(await submittedEvents(communiqueId)).toEqual([]);
  }

  it("refuses while a translation is flagged, naming the clause by its number", async () => {
    await updateClauseText(secretariat, { clauseId: b, lang: "ru", text: "Стороны отметили важность энергетики.", baseVersion: 1 });
    const error = await refusal(submitCommunique(secretariat, communiqueId));
    expect(error.code).toBe("STALE_TRANSLATIONS");
    expect(error.params).toEqual({ clauses: "2", count: 1 });
    expect(error.details).toEqual({ clauses: [b] });
    await expectUnchanged();
  });

  it("names every flagged clause, in draft order", async () => {
    await updateClauseText(secretariat, { clauseId: a, lang: "ja", text: "現在、8項目の協力プランが実施されている。", baseVersion: 1 });
    const error = await refusal(submitCommunique(secretariat, communiqueId));
    expect(error.code).toBe("STALE_TRANSLATIONS");
    expect(error.params).toEqual({ clauses: "1, 2", count: 2 });
    expect(error.details).toEqual({ clauses: [a, b] });
    await expectUnchanged();
  });

  it("refuses EMPTY_CLAUSES once the translations are in sync but empty clauses remain, naming them", async () => {
    await confirmTranslation(secretariat, { clauseId: b, lang: "ja" });
    await updateClauseText(secretariat, { clauseId: a, lang: "ru", text: "В настоящее время реализуется план из восьми пунктов.", baseVersion: await version(a) });
    const draft = await getDraft(secretariat, communiqueId);
    expect(draft.clauses.map((x) => [x.ruStale, x.jaStale])).toEqual([
      [false, false],
      [false, false],
      [false, false],
    ]);

    ({ id: empty } = await insertClause(secretariat, { communiqueId, position: 1 }));
    const { id: last } = await insertClause(secretariat, { communiqueId, position: 99 });
    let error = await refusal(submitCommunique(secretariat, communiqueId));
    expect(error.code).toBe("EMPTY_CLAUSES");
    expect(error.params).toEqual({ clauses: "2, 5", count: 2 });

    await deleteClause(secretariat, { clauseId: last });
    error = await refusal(submitCommunique(secretariat, communiqueId));
    expect(error.code).toBe("EMPTY_CLAUSES");
    expect(error.params).toEqual({ clauses: "2", count: 1 });
    await expectUnchanged();
  });

  it("counts a clause empty in one language only as empty (and flagged)", async () => {
    await updateClauseText(secretariat, { clauseId: empty, lang: "ru", text: "Стороны договорились продолжить работу.", baseVersion: 1 });
    const error = await refusal(submitCommunique(secretariat, communiqueId));
    // The Japanese is both missing and flagged: the flag is reported first.
    expect(error.code).toBe("STALE_TRANSLATIONS");
    expect(error.params).toEqual({ clauses: "2", count: 1 });
    await expectUnchanged();
  });

  it("submits once everything is fixed: IN_APPROVAL, a frozen revision, an audit event", async () => {
    await updateClauseText(secretariat, { clauseId: empty, lang: "ja", text: "双方は、作業を継続することで合意した。", baseVersion: 2 });
    submitted = await submitCommunique(secretariat, communiqueId);
    expect(submitted.hash).toMatch(/^[0-9a-f]{64}$/);

    expect(await statusOf(communiqueId)).toBe("IN_APPROVAL");
    const revision = await db.revision.findUniqueOrThrow({ where: { id: submitted.revisionId } });
    expect(revision).toMatchObject({ communiqueId, number: 1, hash: submitted.hash, authorId: secretariat.userId });
    expect(revisionHash(revision.content as unknown as RevisionPayload)).toBe(submitted.hash);
    const payload = revision.content as unknown as RevisionPayload;
    expect(payload.content.blocks.filter((x) => x.kind === "clause").map((x) => x.id)).toEqual([
      `clause-${a}`,
      `clause-${empty}`,
      `clause-${b}`,
      `clause-${c}`,
    ]);

    const events = await submittedEvents(communiqueId);
    expect(events).toHaveLength(1);
    expect(events[0]!.actorUserId).toBe(secretariat.userId);
    expect(events[0]!.data).toEqual({ revision: submitted.revisionId, hash: submitted.hash, status: "IN_APPROVAL" });
    const created = await db.auditEvent.findMany({ where: { subjectType: "Communique", subjectId: communiqueId, action: "revision.created" } });
    expect(created.map((e) => e.data)).toEqual([expect.objectContaining({ revision: submitted.revisionId, reason: "submitted" })]);

    const draft = await getDraft(secretariat, communiqueId);
    expect(draft.communique.status).toBe("IN_APPROVAL");
    expect(draft.latestRevision).toEqual({ id: submitted.revisionId, number: 1, hash: submitted.hash });
    expect(draft.canSubmit).toBe(false);
  });

  it("refuses a second submission with NOT_ALLOWED_NOW", async () => {
    const error = await refusal(submitCommunique(secretariat, communiqueId));
    expect(error.code).toBe("NOT_ALLOWED_NOW");
    expect(error.params).toEqual({ state: "IN_APPROVAL", event: "SUBMIT" });
    expect(await revisionCount(communiqueId)).toBe(1);
    expect(await submittedEvents(communiqueId)).toHaveLength(1);
  });

  it("allows editing while IN_APPROVAL (the workflow table has EDIT there); the submitted revision stays frozen", async () => {
    expect((await getDraft(secretariat, communiqueId)).canEdit).toBe(true);
    const state = await updateClauseText(secretariat, { clauseId: c, lang: "ru", text: "Участники договорились об обмене делегациями.", baseVersion: 1 });
    expect(state).toMatchObject({ version: 2, jaStale: true });
    expect(await statusOf(communiqueId)).toBe("IN_APPROVAL");

    // The edit does not touch the revision under approval …
    const frozen = await getRevision(secretariat, communiqueId, submitted.revisionId);
    expect(frozen.hash).toBe(submitted.hash);
    expect(revisionHash(frozen.payload)).toBe(submitted.hash);
    const frozenC = frozen.payload.content.blocks.find((x) => x.id === `clause-${c}`);
    expect(frozenC && "text" in frozenC ? frozenC.text.ru : null).not.toBe("Участники договорились об обмене делегациями.");
    // … and makes no revision by itself: the latest is still the submitted one until someone saves.
    expect((await getDraft(secretariat, communiqueId)).latestRevision?.id).toBe(submitted.revisionId);
    expect(await revisionCount(communiqueId)).toBe(1);

    // Saving a revision in IN_APPROVAL sends it round again, so it must meet the submission
    // conditions: with the Japanese flagged it is refused and nothing is frozen.
    expect((await refusal(saveRevision(secretariat, communiqueId))).code).toBe("STALE_TRANSLATIONS");
    expect(await revisionCount(communiqueId)).toBe(1);
    expect(await statusOf(communiqueId)).toBe("IN_APPROVAL");
  });

  it("submits again after changes were requested, freezing the new text", async () => {
    await db.communique.update({ where: { id: communiqueId }, data: { status: "CHANGES_REQUESTED" } });
    // Clause c's Japanese is still flagged from the edit above.
    expect((await refusal(submitCommunique(secretariat, communiqueId))).code).toBe("STALE_TRANSLATIONS");
    await confirmTranslation(secretariat, { clauseId: c, lang: "ja" });
    const again = await submitCommunique(secretariat, communiqueId);
    expect(await statusOf(communiqueId)).toBe("IN_APPROVAL");
    // The edited text is frozen as revision 2 and submitted.
    const revision = await db.revision.findUniqueOrThrow({ where: { id: again.revisionId } });
    expect(revision.number).toBe(2);
    expect(await revisionCount(communiqueId)).toBe(2);
    const frozenC = (revision.content as unknown as RevisionPayload).content.blocks.find((x) => x.id === `clause-${c}`);
    expect(frozenC && "text" in frozenC ? frozenC.text.ru : null).toBe("Участники договорились об обмене делегациями.");
    const events = await submittedEvents(communiqueId);
    expect(events).toHaveLength(2);
    expect(events[1]!.data).toEqual({ revision: revision.id, hash: revision.hash, status: "IN_APPROVAL" });
  });

  it("refuses submission in the states that do not allow it", async () => {
    for (const status of ["APPROVED", "SIGNING", "SIGNED", "CANCELLED"] as const) {
      await db.communique.update({ where: { id: communiqueId }, data: { status } });
      const error = await refusal(submitCommunique(secretariat, communiqueId));
      expect(error.code, status).toBe("NOT_ALLOWED_NOW");
      expect(error.params, status).toEqual({ state: status, event: "SUBMIT" });
      // Nor may the text be edited any more.
      expect((await refusal(updateClauseText(secretariat, { clauseId: a, lang: "ru", text: "Поздняя правка.", baseVersion: await version(a) }))).code, status).toBe(
        "NOT_ALLOWED_NOW",
      );
    }
    expect(await submittedEvents(communiqueId)).toHaveLength(2);
  });
});

describe("submitCommunique: permissions", () => {
  it("refuses a delegate of the meeting and the admin with FORBIDDEN, and no one with UNAUTHENTICATED", async () => {
    const { communiqueId } = await draftWithThreeClauses();
    for (const actor of [kalita, admin]) {
      expect((await refusal(submitCommunique(actor, communiqueId))).code, actor.email).toBe("FORBIDDEN");
    }
    expect((await refusal(submitCommunique(null, communiqueId))).code).toBe("UNAUTHENTICATED");
    expect((await refusal(submitCommunique(null, "no-such-communique"))).code).toBe("UNAUTHENTICATED");
    expect((await refusal(submitCommunique(secretariat, "no-such-communique"))).code).toBe("NOT_FOUND");
    expect(await statusOf(communiqueId)).toBe("DRAFT");
    expect(await revisionCount(communiqueId)).toBe(0);
    // The secretariat can.
    await submitCommunique(secretariat, communiqueId);
    expect(await statusOf(communiqueId)).toBe("IN_APPROVAL");
  });
});

describe("submitCommunique: characters the PDF cannot print", () => {
  it("refuses MISSING_GLYPHS for an unprintable character in the meeting data, freezing nothing", async () => {
    const { communiqueId, meetingId } = await draftWithThreeClauses();
    await db.meeting.update({ where: { id: meetingId }, data: { nameJa: "日ロ沿岸市長会議😀" } });
    const error = await refusal(submitCommunique(secretariat, communiqueId));
    expect(error.code).toBe("MISSING_GLYPHS");
    expect(error.params).toEqual({ chars: "😀" });
    // The revision frozen before the check was rolled back with the rest.
    expect(await revisionCount(communiqueId)).toBe(0);
    expect(await statusOf(communiqueId)).toBe("DRAFT");
    expect(await submittedEvents(communiqueId)).toEqual([]);
    expect(
      await db.auditEvent.count({ where: { subjectType: "Communique", subjectId: communiqueId, action: "revision.created" } }),
    ).toBe(0);
  });

  describe("in a signatory's title", () => {
    let communiqueId: string;

    beforeAll(async () => {
      const draft = await draftWithThreeClauses();
      communiqueId = draft.communiqueId;
      const signatory = await db.signatory.findFirstOrThrow({ where: { meetingId: draft.meetingId, side: "JP" }, orderBy: { position: "asc" } });
      // The meeting screen refuses it now (see the meetings tests); a title stored before it
      // did, or written by another way in, must still be stopped at submission.
      await db.signatory.update({ where: { id: signatory.id }, data: { titleJa: `${signatory.titleJa}😀` } });
    });

    it("is a character the PDF engine reports as missing", async () => {
      const { content } = draftContent(await loadDraftSources(db, communiqueId));
      expect(findMissingGlyphs(content).map((m) => m.char)).toContain("😀");
    });

    // The submission check looks only at the text blocks: participants, signatories, the
    // signing line and the running header are not checked, so a communiqué that the PDF
    // engine refuses to typeset goes to approval.
    it("refuses MISSING_GLYPHS, as the PDF could not be produced", async () => {
      const error = await refusal(submitCommunique(secretariat, communiqueId));
      expect(error.code).toBe("MISSING_GLYPHS");
      expect(await revisionCount(communiqueId)).toBe(0);
    });
  });
});
