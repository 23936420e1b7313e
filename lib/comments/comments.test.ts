import { beforeAll, describe, expect, it } from "vitest";
import { getReview } from "@/lib/approvals/get-review";
import type { RevisionPayload } from "@/lib/revisions/revision-payload";
import { saveRevision } from "@/lib/revisions/save-revision";
import { db } from "@/lib/db";
import { openSigning } from "@/lib/signatures/open-signing";
import {
  approvalActors,
  decideAs,
  delegationOf,
  editClause,
  eventsOf,
  HEADS,
  HONDA,
  IVANOVA,
  KALITA,
  KRAVCHUK,
  NAKAHARA,
  outsider,
  statusOf,
  submittedCommunique,
  type Actors,
  type MeetingDelegation,
} from "@/lib/testing/approval-fixtures";
import { refusal } from "@/lib/testing/drafting-fixtures";
import { meetingSignatories, signAll, useSigningDatabase } from "@/lib/testing/signing-fixtures";
import { ADMIN, SECRETARIAT } from "@/lib/testing/test-db";
import { addComment } from "./add-comment";

useSigningDatabase();

let as: Actors;
let communiqueId: string;
let revisionId: string;
let hash: string;
let clauseIds: [string, string, string];
let delegations: MeetingDelegation[];
let preambleId: string;

beforeAll(async () => {
  as = await approvalActors();
  ({ communiqueId, revisionId, hash, clauseIds, delegations } = await submittedCommunique(as[SECRETARIAT]!));
  const revision = await db.revision.findUniqueOrThrow({ where: { id: revisionId } });
  preambleId = (revision.content as unknown as RevisionPayload).content.blocks.find((b) => b.kind === "preamble")!.id;
});

const clauseBlock = (i: 0 | 1 | 2) => `clause-${clauseIds[i]}`;

describe("addComment", () => {
  let first: string;

  it("anchors a comment to a block and a language of the round's revision", async () => {
    const { id } = await addComment(as[NAKAHARA]!, { communiqueId, revisionId, blockId: clauseBlock(1), lang: "ja", body: "  「港湾機能」の前に\r\n「参加都市の」を補ってください。  " });
    first = id;
    const row = await db.comment.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      communiqueId,
      revisionId,
      blockId: clauseBlock(1),
      lang: "ja",
      body: "「港湾機能」の前に\n「参加都市の」を補ってください。",
      authorId: as[NAKAHARA]!.userId,
      parentId: null,
    });
    const events = await eventsOf(communiqueId, "comment.added");
    expect(events).toHaveLength(1);
    expect(events[0]!.actorUserId).toBe(as[NAKAHARA]!.userId);
    expect(events[0]!.data).toEqual({ comment: id, revisionId, blockId: clauseBlock(1), lang: "ja", reply: false });
  });

  it("takes a reply to a comment (parentId)", async () => {
    const { id } = await addComment(as[SECRETARIAT]!, { communiqueId, revisionId, blockId: clauseBlock(1), lang: "ja", body: "Исправим в следующей редакции.", parentId: first });
    expect(await db.comment.findUniqueOrThrow({ where: { id } })).toMatchObject({ parentId: first, authorId: as[SECRETARIAT]!.userId });
    expect((await eventsOf(communiqueId, "comment.added")).at(-1)!.data).toMatchObject({ comment: id, reply: true });
  });

  it("allows every head of the meeting, the deputy, and the secretariat, on any block of the revision", async () => {
    for (const [who, blockId, lang] of [
      [HONDA, preambleId, "ja"],
      [KRAVCHUK, clauseBlock(0), "ru"],
      [IVANOVA, clauseBlock(2), "ru"],
      [SECRETARIAT, preambleId, "ru"],
    ] as const) {
      const { id } = await addComment(as[who]!, { communiqueId, revisionId, blockId, lang, body: `Замечание: ${who}` });
      expect((await db.comment.findUniqueOrThrow({ where: { id } })).authorId, who).toBe(as[who]!.userId);
    }
  });

  it("refuses VALIDATION for an unknown block, an empty body or a language other than ru/ja", async () => {
    const before = await db.comment.count({ where: { communiqueId } });
    const base = { communiqueId, revisionId, blockId: clauseBlock(0), lang: "ru", body: "Текст." };
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ blockId: "clause-no-such-block" }, { blockId: "invalid" }],
      [{ blockId: "" }, { blockId: "invalid" }],
      [{ body: "" }, { body: "required" }],
      [{ body: " \n\t " }, { body: "required" }],
      [{ body: "x".repeat(4001) }, { body: "tooLong" }],
      [{ lang: "en" }, { lang: "invalid" }],
    ];
    for (const [change, fieldErrors] of cases) {
      const error = await refusal(addComment(as[KALITA]!, { ...base, ...change }));
      expect(error.code, JSON.stringify(change)).toBe("VALIDATION");
      expect(error.fieldErrors, JSON.stringify(change)).toEqual(fieldErrors);
    }
    expect(await db.comment.count({ where: { communiqueId } })).toBe(before);
  });

  it("refuses NOT_FOUND for a revision or a parent comment that is not this communiqué's", async () => {
    const other = await submittedCommunique(as[SECRETARIAT]!);
    const foreign = await addComment(as[KALITA]!, { communiqueId: other.communiqueId, revisionId: other.revisionId, blockId: `clause-${other.clauseIds[0]}`, lang: "ru", body: "Чужое." });
    const base = { communiqueId, revisionId, blockId: clauseBlock(0), lang: "ru", body: "Текст." };
    expect((await refusal(addComment(as[KALITA]!, { ...base, revisionId: other.revisionId, blockId: `clause-${other.clauseIds[0]}` }))).code).toBe("NOT_FOUND");
    expect((await refusal(addComment(as[KALITA]!, { ...base, revisionId: "no-such-revision" }))).code).toBe("NOT_FOUND");
    expect((await refusal(addComment(as[KALITA]!, { ...base, parentId: foreign.id }))).code).toBe("NOT_FOUND");
    expect((await refusal(addComment(as[KALITA]!, { ...base, parentId: "no-such-comment" }))).code).toBe("NOT_FOUND");
  });

  it("refuses FORBIDDEN to the admin and to a delegate of another meeting, UNAUTHENTICATED to no one", async () => {
    const before = await db.comment.count({ where: { communiqueId } });
    const input = { communiqueId, revisionId, blockId: clauseBlock(0), lang: "ru", body: "Замечание." };
    expect((await refusal(addComment(as[ADMIN]!, input))).code).toBe("FORBIDDEN");
    expect((await refusal(addComment(await outsider(), input))).code).toBe("FORBIDDEN");
    expect((await refusal(addComment(null, input))).code).toBe("UNAUTHENTICATED");
    expect(await db.comment.count({ where: { communiqueId } })).toBe(before);
  });
});

describe("getReview", () => {
  it("returns the revision under approval, the comments in order with their replies, and no diff at first", async () => {
    const review = await getReview(as[NAKAHARA]!, communiqueId);
    expect(review.revision).toEqual({ id: revisionId, number: 1, hash });
    expect(review.diff).toBeNull();
    expect(review.comments.map((c) => [c.author, c.blockId, c.lang, c.revision])).toEqual([
      ["中原八一", clauseBlock(1), "ja", 1],
      ["Секретариат Ассоциации", clauseBlock(1), "ja", 1],
      ["ホンダ・シンジ", preambleId, "ja", 1],
      ["Кравчук С. А.", clauseBlock(0), "ru", 1],
      ["Иванова Т.Н.", clauseBlock(2), "ru", 1],
      ["Секретариат Ассоциации", preambleId, "ru", 1],
    ]);
    expect(review.comments[1]!.parentId).toBe(review.comments[0]!.id);
    expect(review.canDecide).toEqual({ delegationId: delegationOf(delegations, NAKAHARA).id, asDeputy: false, head: { ru: "НАКАХАРА Яити", ja: "中原八一" } });
    expect(review.canComment).toBe(true);
    // The deputy decides for the head, and the page says for whom.
    expect((await getReview(as[IVANOVA]!, communiqueId)).canDecide).toEqual({
      delegationId: delegationOf(delegations, KRAVCHUK).id,
      asDeputy: true,
      head: { ru: "Кравчук С. А.", ja: "S・A・クラフチュク" },
    });
    const admin = await getReview(as[ADMIN]!, communiqueId);
    expect(admin.canDecide).toBeNull();
    expect(admin.canComment).toBe(false);
  });

  it("shows a head who decided on revision 1 what changed in revision 2, the changed clause marked", async () => {
    await decideAs(as[KALITA]!, communiqueId, hash);
    expect((await getReview(as[KALITA]!, communiqueId)).diff).toBeNull();

    await editClause(as[SECRETARIAT]!, clauseIds[1], "ru", "Стороны подчеркнули важность развития портовой инфраструктуры городов-участников.");
    const second = await saveRevision(as[SECRETARIAT]!, communiqueId);
    expect(second).toMatchObject({ number: 2, resent: true });

    const review = await getReview(as[KALITA]!, communiqueId);
    expect(review.revision).toMatchObject({ id: second.id, number: 2 });
    expect(review.diff!.since).toBe(1);
    const changed = review.diff!.blocks.filter((b) => b.status !== "same");
    expect(changed.map((b) => [b.id, b.status])).toEqual([[clauseBlock(1), "changed"]]);
    expect(changed[0]!.ru.some((p) => p.op === "added" && p.text.includes("портовой"))).toBe(true);
    expect(changed[0]!.ja.every((p) => p.op === "same")).toBe(true);
    expect(review.diff!.blocks.find((b) => b.id === clauseBlock(0))!.status).toBe("same");
    // The comments on revision 1 stay, marked with their revision; Kalita may decide again.
    expect(review.comments).toHaveLength(6);
    expect(review.comments.every((c) => c.revision === 1)).toBe(true);
    expect(review.canDecide).toMatchObject({ delegationId: delegationOf(delegations, KALITA).id });
    expect(review.decisions).toEqual([]);

    // A comment on the new revision is anchored to it.
    const { id } = await addComment(as[KALITA]!, { communiqueId, revisionId: second.id, blockId: clauseBlock(1), lang: "ru", body: "Теперь верно." });
    const after = await getReview(as[KALITA]!, communiqueId);
    expect(after.comments.find((c) => c.id === id)).toMatchObject({ revision: 2, author: "Калита В. С." });
  });
});

describe("comments once every head has approved", () => {
  it("refuses NOT_ALLOWED_NOW when approved, while signing and once signed, writing nothing; the review says why", async () => {
    const submitted = await submittedCommunique(as[SECRETARIAT]!);
    const { communiqueId: id, hash: approvedHash } = submitted;
    const input = { communiqueId: id, revisionId: submitted.revisionId, blockId: `clause-${submitted.clauseIds[0]}`, lang: "ru", body: "Уточните дату." };
    const { id: earlier } = await addComment(as[KALITA]!, input);
    expect((await getReview(as[KALITA]!, id)).commentsClosed).toBe(false);
    for (const head of HEADS) await decideAs(as[head]!, id, approvedHash);
    const signatories = await meetingSignatories(submitted.meetingId);
    const steps = [
      ["APPROVED", async () => {}],
      ["SIGNING", () => openSigning(as[SECRETARIAT]!, id)],
      ["SIGNED", () => signAll(as, id, approvedHash, signatories)],
    ] as const;
    for (const [state, step] of steps) {
      await step();
      expect(await statusOf(id)).toBe(state);
      const before = await db.comment.count({ where: { communiqueId: id } });
      for (const [who, attempt] of [[KALITA, input], [NAKAHARA, { ...input, parentId: earlier }], [SECRETARIAT, { ...input, parentId: earlier }]] as const) {
        const error = await refusal(addComment(as[who]!, attempt));
        expect([error.code, error.params], `${state} ${who}`).toEqual(["NOT_ALLOWED_NOW", { state, event: "COMMENT" }]);
      }
      expect(await db.comment.count({ where: { communiqueId: id } })).toBe(before);
      expect(await eventsOf(id, "comment.added")).toHaveLength(1);
      // The page hides the comment buttons and says why; the admin never comments, so is told nothing.
      expect(await getReview(as[NAKAHARA]!, id)).toMatchObject({ canComment: false, commentsClosed: true });
      expect(await getReview(as[ADMIN]!, id)).toMatchObject({ canComment: false, commentsClosed: false });
    }
  });
});
