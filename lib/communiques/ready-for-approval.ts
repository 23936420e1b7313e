import { staleLangs } from "@/lib/clauses/sync-flags";
import type { CommuniqueContent } from "@/lib/communique/content";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { findMissingGlyphs } from "@/lib/pdf";

/** No flagged translation and no empty clause: the text may go to the heads (names the clauses). */
export async function assertClausesReady(tx: Tx, communiqueId: string) {
  const clauses = await tx.clause.findMany({ where: { communiqueId, deletedAt: null }, orderBy: { position: "asc" } });
  const numbered = clauses.map((c, i) => ({ ...c, n: i + 1 }));
  const stale = numbered.filter((c) => staleLangs(c).length > 0);
  if (stale.length) {
    throw new AppError("STALE_TRANSLATIONS", { clauses: stale.map((c) => c.n).join(", ") }, {}, { clauses: stale.map((c) => c.id) });
  }
  const empty = numbered.filter((c) => !c.textRu || !c.textJa);
  if (empty.length) throw new AppError("EMPTY_CLAUSES", { clauses: empty.map((c) => c.n).join(", ") });
}

/** Everything the PDF will print can be printed: clauses, parts, participants, signatories, the header. */
export function assertPrintable(content: CommuniqueContent) {
  const missing = findMissingGlyphs(content);
  if (missing.length) throw new AppError("MISSING_GLYPHS", { chars: [...new Set(missing.map((m) => m.char))].join(" ") });
}
