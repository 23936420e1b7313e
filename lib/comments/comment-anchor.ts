import type { CommuniqueContent } from "@/lib/communique/content";
import type { NamedBlock } from "@/lib/communique/part-labels";

/** Where a comment sits, as a reader names it ("clause 3", "the preamble"), or a block the revision lacks. */
export type CommentAnchor = NamedBlock | { kind: "unknown" };

/** The anchor of `blockId` in the revision the comment was written on. */
export function commentAnchor(content: CommuniqueContent, blockId: string): CommentAnchor {
  const clause = content.blocks.filter((b) => b.kind === "clause").findIndex((b) => b.id === blockId);
  if (clause >= 0) return { kind: "clause", n: clause + 1 };
  const block = content.blocks.find((b) => b.id === blockId);
  return block ? { kind: "part", part: block.kind } : { kind: "unknown" };
}
