import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/authz";
import { commentThreads } from "@/lib/comments/comment-threads";
import { db } from "@/lib/db";
import { STANDARD_PART_IDS } from "@/lib/communique/standard-parts";
import * as generate from "@/lib/communique/standard-parts";
import { allows } from "@/lib/workflow/communique-workflow";
import { draftContent, EDITABLE_PARTS, loadDraftSources } from "./draft-sources";
import { loadCommunique } from "./load-communique";

/** Everything the side-by-side editor shows: parts, clauses with their flags, the live content. */
export async function getDraft(actor: Actor | null, communiqueId: string) {
  const summary = await loadCommunique(actor, communiqueId, "communique.view");
  const sources = await loadDraftSources(db, communiqueId);
  const { content, facts } = draftContent(sources);
  const parts = EDITABLE_PARTS.map((kind) => {
    const stored = sources.parts.find((p) => p.kind === kind);
    const generated = (generate[kind] as (f: typeof facts) => { text: { ru: string; ja: string } })(facts).text;
    return {
      kind,
      blockId: STANDARD_PART_IDS[kind],
      version: stored?.version ?? 1,
      generated,
      edited: { ru: stored?.textRu != null, ja: stored?.textJa != null },
      text: { ru: stored?.textRu ?? generated.ru, ja: stored?.textJa ?? generated.ja },
    };
  });
  const clauses = sources.clauses.map((c) => ({
    id: c.id,
    blockId: `clause-${c.id}`,
    version: c.version,
    textRu: c.textRu,
    textJa: c.textJa,
    ruStale: c.ruStale,
    jaStale: c.jaStale,
    ruChangedAt: c.ruChangedAt.toISOString(),
    jaChangedAt: c.jaChangedAt.toISOString(),
    /** The library clause it was taken from, if any: the library marks those already in the draft. */
    libraryClauseId: c.libraryClauseId,
  }));
  const latest = await db.revision.findFirst({
    where: { communiqueId },
    orderBy: { number: "desc" },
    select: { id: true, number: true, hash: true },
  });
  const comments = await commentThreads(db, communiqueId);
  const delegations = await db.delegation.findMany({
    where: { meetingId: summary.meetingId },
    orderBy: [{ side: "asc" }, { position: "asc" }],
    select: {
      id: true,
      side: true,
      cityId: true,
      city: { select: { nameRu: true, nameJa: true } },
      head: { select: { nameRu: true, nameJa: true, user: { select: { email: true, displayName: true, active: true } } } },
      deputy: { select: { user: { select: { email: true, displayName: true, active: true } } } },
    },
  });
  const canSubmit = can(actor, "communique.submit") && allows(summary.status, "SUBMIT");
  return {
    delegations: delegations.map(({ cityId, head, deputy, ...d }) => ({
      ...d,
      head: { nameRu: head.nameRu, nameJa: head.nameJa },
      host: cityId === sources.meeting.hostCityId,
      /** Whom the approval request goes to (the head's and the deputy's accounts): shown before submitting. */
      mailTo: canSubmit ? [head.user, deputy?.user].flatMap((u) => (u?.active ? [{ name: u.displayName, email: u.email }] : [])) : [],
    })),
    communique: { id: summary.id, status: summary.status, numberClauses: sources.numberClauses, meetingId: summary.meetingId },
    meeting: { ordinal: summary.meeting.ordinal, number: summary.meeting.number },
    parts,
    clauses,
    content,
    latestRevision: latest,
    /** Every comment thread of the communiqué; the editor shows them under the block they are on. */
    comments,
    canResolveComments: can(actor, "comment.resolve"),
    canComment: can(actor, "comment.add") && allows(summary.status, "COMMENT"),
    canEdit: can(actor, "communique.edit") && allows(summary.status, "EDIT"),
    canSubmit,
  };
}

export type DraftView = Awaited<ReturnType<typeof getDraft>>;
