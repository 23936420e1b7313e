import { beforeAll, describe, expect, it } from "vitest";
import { getRoundStatus } from "@/lib/approvals/get-round-status";
import { getDraft } from "@/lib/communiques/get-draft";
import { db } from "@/lib/db";
import {
  approvalActors,
  eventsOf,
  HONDA,
  KALITA,
  NAKAHARA,
  outsider,
  submittedCommunique,
  useApprovalDatabase,
  type Actors,
} from "@/lib/testing/approval-fixtures";
import { refusal } from "@/lib/testing/drafting-fixtures";
import { ADMIN, SECRETARIAT } from "@/lib/testing/test-db";
import { addComment } from "./add-comment";
import { commentThreads } from "./comment-threads";
import { setCommentResolved } from "./set-comment-resolved";

useApprovalDatabase();

let as: Actors;
let communiqueId: string;
let revisionId: string;
let clauseIds: [string, string, string];
let asked: string;

beforeAll(async () => {
  as = await approvalActors();
  ({ communiqueId, revisionId, clauseIds } = await submittedCommunique(as[SECRETARIAT]!));
  asked = (await addComment(as[NAKAHARA]!, { communiqueId, revisionId, blockId: `clause-${clauseIds[1]}`, lang: "ja", body: "「港湾機能」の前に「参加都市の」を補ってください。" })).id;
});

const thread = async (id: string) => (await commentThreads(db, communiqueId)).find((t) => t.id === id)!;

describe("comment threads", () => {
  it("gather replies under the comment they answer, a reply to a reply included, with its anchor", async () => {
    const answer = await addComment(as[SECRETARIAT]!, { communiqueId, revisionId, blockId: `clause-${clauseIds[1]}`, lang: "ja", body: "次版で修正します。", parentId: asked });
    // Answering the answer still joins the first comment's thread, on its block and language,
    // whatever anchor the caller sent.
    const again = await addComment(as[NAKAHARA]!, { communiqueId, revisionId, blockId: `clause-${clauseIds[0]}`, lang: "ru", body: "よろしくお願いします。", parentId: answer.id });
    expect(await db.comment.findUniqueOrThrow({ where: { id: again.id } })).toMatchObject({ parentId: asked, blockId: `clause-${clauseIds[1]}`, lang: "ja" });
    const t = await thread(asked);
    expect(t).toMatchObject({ author: "中原八一", blockId: `clause-${clauseIds[1]}`, lang: "ja", revision: 1, resolved: null });
    expect(t.replies.map((r) => [r.author, r.body])).toEqual([
      ["Секретариат Ассоциации", "次版で修正します。"],
      ["中原八一", "よろしくお願いします。"],
    ]);
  });

  it("are resolved and reopened by the secretariat, each change audited once", async () => {
    expect(await setCommentResolved(as[SECRETARIAT]!, { communiqueId, commentId: asked, resolved: true })).toEqual({ resolved: true, changed: true });
    expect((await thread(asked)).resolved).toMatchObject({ by: "Секретариат Ассоциации" });
    // Asking again changes nothing and records nothing.
    expect(await setCommentResolved(as[SECRETARIAT]!, { communiqueId, commentId: asked, resolved: true })).toEqual({ resolved: true, changed: false });
    expect((await eventsOf(communiqueId, "comment.resolved")).map((e) => e.data)).toEqual([{ comment: asked }]);

    expect(await setCommentResolved(as[SECRETARIAT]!, { communiqueId, commentId: asked, resolved: false })).toEqual({ resolved: false, changed: true });
    expect((await thread(asked)).resolved).toBeNull();
    expect((await eventsOf(communiqueId, "comment.reopened")).map((e) => e.data)).toEqual([{ comment: asked }]);
  });

  it("open again when someone replies to a resolved thread", async () => {
    await setCommentResolved(as[SECRETARIAT]!, { communiqueId, commentId: asked, resolved: true });
    const reply = await addComment(as[NAKAHARA]!, { communiqueId, revisionId, blockId: `clause-${clauseIds[1]}`, lang: "ja", body: "まだ直っていません。", parentId: asked });
    expect((await thread(asked)).resolved).toBeNull();
    expect((await eventsOf(communiqueId, "comment.added")).at(-1)!.data).toMatchObject({ comment: reply.id, reply: true, reopened: asked });
  });

  it("are resolved by the secretariat only: heads, the admin, outsiders and no one are refused, and nothing changes", async () => {
    for (const [who, code] of [
      [as[NAKAHARA]!, "FORBIDDEN"],
      [as[KALITA]!, "FORBIDDEN"],
      [as[ADMIN]!, "FORBIDDEN"],
      [await outsider(), "FORBIDDEN"],
      [null, "UNAUTHENTICATED"],
    ] as const) {
      expect((await refusal(setCommentResolved(who, { communiqueId, commentId: asked, resolved: true }))).code).toBe(code);
    }
    expect((await thread(asked)).resolved).toBeNull();
  });

  it("refuse resolving a reply, a comment of another communiqué, or an unknown id", async () => {
    const reply = (await thread(asked)).replies[0]!.id;
    const error = await refusal(setCommentResolved(as[SECRETARIAT]!, { communiqueId, commentId: reply, resolved: true }));
    expect([error.code, error.fieldErrors]).toEqual(["VALIDATION", { commentId: "invalid" }]);
    const other = await submittedCommunique(as[SECRETARIAT]!);
    const foreign = await addComment(as[KALITA]!, { communiqueId: other.communiqueId, revisionId: other.revisionId, blockId: `clause-${other.clauseIds[0]}`, lang: "ru", body: "Чужое." });
    expect((await refusal(setCommentResolved(as[SECRETARIAT]!, { communiqueId, commentId: foreign.id, resolved: true }))).code).toBe("NOT_FOUND");
    expect((await refusal(setCommentResolved(as[SECRETARIAT]!, { communiqueId, commentId: "no-such", resolved: true }))).code).toBe("NOT_FOUND");
    expect((await db.comment.findUniqueOrThrow({ where: { id: foreign.id } })).resolvedAt).toBeNull();
  });
});

describe("where the secretariat sees the comments", () => {
  it("the editor's draft carries every thread, and who may resolve or reply", async () => {
    const draft = await getDraft(as[SECRETARIAT]!, communiqueId);
    expect(draft.comments.find((t) => t.id === asked)).toMatchObject({ blockId: `clause-${clauseIds[1]}`, body: "「港湾機能」の前に「参加都市の」を補ってください。" });
    expect(draft.clauses.some((c) => c.blockId === `clause-${clauseIds[1]}`)).toBe(true);
    expect([draft.canComment, draft.canResolveComments]).toEqual([true, true]);
  });

  it("the status board lists each thread's text and its clause as numbered in its revision, and quotes comments in the timeline", async () => {
    const onPreamble = await addComment(as[HONDA]!, { communiqueId, revisionId, blockId: "preamble", lang: "ja", body: "前文は結構です。" });
    const status = await getRoundStatus(as[SECRETARIAT]!, communiqueId);
    expect(status.comments.find((t) => t.id === asked)).toMatchObject({ anchor: { kind: "clause", n: 2 }, body: "「港湾機能」の前に「参加都市の」を補ってください。" });
    expect(status.comments.find((t) => t.id === onPreamble.id)).toMatchObject({ anchor: { kind: "part", part: "preamble" } });
    const added = status.timeline.filter((e) => e.action === "comment.added");
    expect(added.map((e) => e.text)).toContain("前文は結構です。");
    expect(added.every((e) => typeof e.text === "string" && e.text.length > 0)).toBe(true);
    expect(status.timeline.some((e) => e.action === "comment.resolved")).toBe(true);
  });
});
