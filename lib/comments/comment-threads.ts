import type { Db } from "@/lib/db";

export interface CommentView {
  id: string;
  body: string;
  author: string;
  at: Date;
  /** The number of the revision the comment was written on. */
  revision: number;
}

export interface CommentThread extends CommentView {
  revisionId: string;
  blockId: string;
  lang: "ru" | "ja";
  resolved: { by: string; at: Date } | null;
  replies: CommentView[];
}

/**
 * The comments of a communiqué as threads, oldest first: each first comment with its replies
 * and whether the secretariat resolved it. A reply to a reply joins its thread.
 */
export async function commentThreads(client: Db, communiqueId: string): Promise<CommentThread[]> {
  const rows = await client.comment.findMany({
    where: { communiqueId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: {
      author: { select: { displayName: true } },
      resolvedBy: { select: { displayName: true } },
      revision: { select: { number: true } },
    },
  });
  const parentOf = new Map(rows.map((r) => [r.id, r.parentId]));
  const rootOf = (id: string): string => {
    let at = id;
    for (let parent = parentOf.get(at); parent && parentOf.has(parent); parent = parentOf.get(at)) at = parent;
    return at;
  };
  const threads = new Map<string, CommentThread>();
  for (const r of rows) {
    const view: CommentView = { id: r.id, body: r.body, author: r.author.displayName, at: r.createdAt, revision: r.revision.number };
    const root = rootOf(r.id);
    if (root === r.id) {
      threads.set(r.id, {
        ...view,
        revisionId: r.revisionId,
        blockId: r.blockId,
        lang: r.lang === "ja" ? "ja" : "ru",
        resolved: r.resolvedAt ? { by: r.resolvedBy?.displayName ?? "—", at: r.resolvedAt } : null,
        replies: [],
      });
    } else {
      threads.get(root)?.replies.push(view);
    }
  }
  return [...threads.values()];
}
