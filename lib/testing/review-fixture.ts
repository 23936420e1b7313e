/**
 * A communiqué as a head finds it on the review page in the middle of approval, at any
 * length: shared by the HTTP benchmark (which sets it up in PostgreSQL before starting the
 * server) and the query-count test of the review page's loaders.
 */
import { decide } from "@/lib/approvals/decide";
import type { Actor } from "@/lib/auth/actor";
import { submitCommunique } from "@/lib/communiques/submit-communique";
import { addComment } from "@/lib/comments/add-comment";
import { seedCommuniqueContent } from "@/lib/communique/seed-content";
import { db } from "@/lib/db";
import { generateCommunique } from "@/lib/pdf/generate-communique";
import type { RevisionPayload } from "@/lib/revisions/revision-payload";
import { editClause } from "@/lib/testing/approval-fixtures";
import { createTestCommunique } from "@/lib/testing/drafting-fixtures";

export interface ReviewCommunique {
  communiqueId: string;
  meetingId: string;
  /** The revision under approval (the second one). */
  revisionId: string;
  hash: string;
  /** The Japanese text of the last clause: found in the page only when the document was rendered. */
  probe: string;
}

/**
 * `clauses` generated clauses (the model's clauses recombined, so lengths are realistic);
 * revision 1 sent round, `head` commenting on every clause of it and asking for changes;
 * then the first clause changed and revision 2 sent round, its round open. The head's
 * review page therefore shows the changes since revision 1 and one comment per clause, and
 * lets them decide.
 */
export async function reviewCommunique(clauses: number, secretariat: Actor, head: Actor): Promise<ReviewCommunique> {
  const { communiqueId, meetingId } = await createTestCommunique(secretariat);
  const texts = generateCommunique(seedCommuniqueContent(), clauses).blocks.flatMap((b) => (b.kind === "clause" ? [b.text] : []));
  // Rows written at once: inserting one by one renumbers every clause each time (quadratic).
  await db.clause.createMany({ data: texts.map((text, position) => ({ communiqueId, position, textRu: text.ru, textJa: text.ja })) });

  const first = await submitCommunique(secretariat, communiqueId);
  const revision = await db.revision.findUniqueOrThrow({ where: { id: first.revisionId }, select: { content: true } });
  const blocks = (revision.content as unknown as RevisionPayload).content.blocks.filter((b) => b.kind === "clause");
  for (const [i, block] of blocks.entries()) {
    await addComment(head, { communiqueId, revisionId: first.revisionId, blockId: block.id, lang: i % 2 ? "ja" : "ru", body: `Замечание ${i + 1}: уточнить формулировку.` });
  }
  await decide(head, { communiqueId, revisionHash: first.hash, decision: "CHANGES_REQUESTED", comment: "Просим учесть замечания." });

  const firstClause = await db.clause.findFirstOrThrow({ where: { communiqueId, deletedAt: null }, orderBy: { position: "asc" } });
  await editClause(secretariat, firstClause.id, "ru", `${firstClause.textRu} Стороны договорились вернуться к этому вопросу.`);
  const second = await submitCommunique(secretariat, communiqueId);
  return { communiqueId, meetingId, revisionId: second.revisionId, hash: second.hash, probe: texts.at(-1)!.ja };
}
