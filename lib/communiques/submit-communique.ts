import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { assertCan } from "@/lib/authz";
import { staleLangs } from "@/lib/clauses/sync-flags";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { findMissingGlyphs } from "@/lib/pdf";
import { freezeRevision } from "@/lib/revisions/freeze-revision";
import { nextState } from "@/lib/workflow/assert-allowed";
import { loadCommunique, lockCommunique } from "./load-communique";

/**
 * Sends the communiqué for approval: freezes a revision and moves it to IN_APPROVAL.
 * Refused while a translation is flagged, a clause is empty in a language, or a character
 * cannot be printed — the message names the clauses (by their number in the draft).
 */
export async function submitCommunique(actor: Actor | null, communiqueId: string) {
  await loadCommunique(actor, communiqueId, "communique.view");
  assertCan(actor, "communique.submit");
  return db.$transaction(async (tx) => {
    const next = nextState(await lockCommunique(tx, communiqueId), "SUBMIT");
    const clauses = await tx.clause.findMany({ where: { communiqueId, deletedAt: null }, orderBy: { position: "asc" } });
    const numbered = clauses.map((c, i) => ({ ...c, n: i + 1 }));
    const stale = numbered.filter((c) => staleLangs(c).length > 0);
    if (stale.length) {
      throw new AppError("STALE_TRANSLATIONS", { clauses: stale.map((c) => c.n).join(", ") }, {}, { clauses: stale.map((c) => c.id) });
    }
    const empty = numbered.filter((c) => !c.textRu || !c.textJa);
    if (empty.length) throw new AppError("EMPTY_CLAUSES", { clauses: empty.map((c) => c.n).join(", ") });
    const { revision, content } = await freezeRevision(tx, communiqueId, actor.userId, "submitted");
    // Everything the PDF will print: clauses, parts, participants, signatories, the header.
    const missing = findMissingGlyphs(content);
    if (missing.length) throw new AppError("MISSING_GLYPHS", { chars: [...new Set(missing.map((m) => m.char))].join(" ") });
    await tx.communique.update({ where: { id: communiqueId }, data: { status: next } });
    await recordEvent(tx, {
      actorUserId: actor.userId,
      action: "communique.submitted",
      subjectType: "Communique",
      subjectId: communiqueId,
      data: { revision: revision.id, hash: revision.hash, status: next },
    });
    return { revisionId: revision.id, hash: revision.hash };
  });
}
