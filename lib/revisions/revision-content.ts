import type { CommuniqueContent } from "@/lib/communique/content";
import { BoundedCache } from "@/lib/cache/bounded-cache";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { compareContents, type BlockDiff } from "./compare-contents";
import type { RevisionPayload } from "./revision-payload";

// A revision never changes (a database trigger refuses UPDATE and DELETE), so its content,
// and the comparison of two revisions, can be kept by id in every instance without ever
// being invalidated. A 60-clause content is about 90 KB of JSON: reading and parsing it twice
// was a large part of every review page.
const contents = new BoundedCache<string, CommuniqueContent>(64);
const comparisons = new BoundedCache<string, BlockDiff[]>(64);

/** Frozen all the way down: a cached value is shared by every request that reads it. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** The content a revision froze (read-only: it is shared). */
export function revisionContent(tx: Tx, revisionId: string): Promise<CommuniqueContent> {
  return contents.through(revisionId, async () => {
    const row = await tx.revision.findUnique({ where: { id: revisionId }, select: { content: true } });
    if (!row) throw new AppError("NOT_FOUND");
    return deepFreeze((row.content as unknown as RevisionPayload).content);
  });
}

/** What changed from one revision to another, block by block (read-only: it is shared). */
export function compareRevisions(tx: Tx, olderId: string, newerId: string): Promise<BlockDiff[]> {
  return comparisons.through(`${olderId}>${newerId}`, async () => {
    const [older, newer] = await Promise.all([revisionContent(tx, olderId), revisionContent(tx, newerId)]);
    return deepFreeze(compareContents(older, newer));
  });
}
