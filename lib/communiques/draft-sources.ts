import { assembleContent, type EditableStandardKind } from "@/lib/communique/assemble-content";
import type { Bilingual, CommuniqueContent, SignatoryEntry } from "@/lib/communique/content";
import type { MeetingFacts } from "@/lib/communique/meeting-facts";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { MEETING_FACTS_INCLUDE, meetingFacts } from "@/lib/meetings/meeting-facts";

/** The generated parts a secretariat may edit by hand, in document order. */
export const EDITABLE_PARTS: EditableStandardKind[] = ["title", "meetingLine", "preamble", "topics", "closing", "formula"];

/** Everything a communiqué's content is made of, read in one go (two queries per relation at most). */
export async function loadDraftSources(tx: Tx, communiqueId: string) {
  const communique = await tx.communique.findUnique({
    where: { id: communiqueId },
    include: {
      parts: true,
      clauses: { where: { deletedAt: null }, orderBy: { position: "asc" } },
      meeting: {
        include: {
          ...MEETING_FACTS_INCLUDE,
          signatories: { orderBy: { position: "asc" }, include: { person: true } },
        },
      },
    },
  });
  if (!communique) throw new AppError("NOT_FOUND");
  return communique;
}

export type DraftSources = Awaited<ReturnType<typeof loadDraftSources>>;

export function signatoryEntries(sources: DraftSources): SignatoryEntry[] {
  return sources.meeting.signatories.map((s) => ({
    id: `signatory-${s.id}`,
    side: s.side,
    title: { ru: s.titleRu, ja: s.titleJa },
    name: { ru: s.person.nameRu, ja: s.person.nameJa },
  }));
}

/** Hand edits of generated parts: a language with stored text overrides the generated one. */
export function partOverrides(sources: DraftSources): Partial<Record<EditableStandardKind, Partial<Bilingual>>> {
  const overrides: Partial<Record<EditableStandardKind, Partial<Bilingual>>> = {};
  for (const part of sources.parts) {
    const kind = part.kind as EditableStandardKind;
    if (!EDITABLE_PARTS.includes(kind)) continue;
    overrides[kind] = {
      ...(part.textRu !== null ? { ru: part.textRu } : {}),
      ...(part.textJa !== null ? { ja: part.textJa } : {}),
    };
  }
  return overrides;
}

/** The communiqué as it stands now: what a revision freezes and the PDF typesets. */
export function draftContent(sources: DraftSources): { content: CommuniqueContent; facts: MeetingFacts } {
  const facts = meetingFacts(sources.meeting);
  const content = assembleContent(
    facts,
    sources.clauses.map((c) => ({ id: `clause-${c.id}`, text: { ru: c.textRu, ja: c.textJa } })),
    signatoryEntries(sources),
    { numberClauses: sources.numberClauses, overrides: partOverrides(sources) },
  );
  return { content, facts };
}
