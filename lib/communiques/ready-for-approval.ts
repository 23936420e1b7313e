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
    throw new AppError("STALE_TRANSLATIONS", { clauses: stale.map((c) => c.n).join(", "), count: stale.length }, {}, { clauses: stale.map((c) => c.id) });
  }
  const empty = numbered.filter((c) => !c.textRu || !c.textJa);
  if (empty.length) throw new AppError("EMPTY_CLAUSES", { clauses: empty.map((c) => c.n).join(", "), count: empty.length });
}

/** Everything the PDF will print can be printed: clauses, parts, participants, signatories, the header. */
export function assertPrintable(content: CommuniqueContent) {
  const missing = findMissingGlyphs(content);
  if (missing.length) throw new AppError("MISSING_GLYPHS", { chars: [...new Set(missing.map((m) => m.char))].join(" ") });
}

const account = { select: { nameRu: true, nameJa: true, user: { select: { active: true } } } } as const;
const named = (people: { nameRu: string; nameJa: string }[]) => ({
  names: people.map((p) => p.nameRu).join(", "),
  namesJa: people.map((p) => p.nameJa).join("、"),
});

/**
 * Everyone the next step waits for can sign in: for approval, each delegation's head or
 * deputy; for signing, each signatory. Otherwise NO_ACCOUNT, naming them: a request that
 * nobody can answer would stall the communiqué with no one the wiser.
 */
export async function assertReachable(tx: Tx, meetingId: string, step: "approval" | "signing") {
  if (step === "approval") {
    const delegations = await tx.delegation.findMany({ where: { meetingId }, orderBy: [{ side: "asc" }, { position: "asc" }], select: { head: account, deputy: account } });
    const unreachable = delegations.filter((d) => !d.head.user?.active && !d.deputy?.user?.active).map((d) => d.head);
    if (unreachable.length) throw new AppError("NO_ACCOUNT", named(unreachable));
  } else {
    const signatories = await tx.signatory.findMany({ where: { meetingId }, orderBy: { position: "asc" }, select: { person: account } });
    const unreachable = signatories.map((s) => s.person).filter((p) => !p.user?.active);
    if (unreachable.length) throw new AppError("NO_ACCOUNT", named(unreachable));
  }
}
