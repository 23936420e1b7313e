import type { AuditEvents } from "@/lib/audit/audit-events";
import { recordEvent } from "@/lib/audit/record-event";
import type { Tx } from "@/lib/db";
import { draftContent, loadDraftSources } from "@/lib/communiques/draft-sources";
import { canonicalJson } from "@/lib/hash/canonical";
import { revisionHash, type RevisionPayload } from "./revision-payload";

/**
 * Freezes the communiqué as it stands into an immutable revision, inside the caller's
 * transaction (which holds the communiqué's lock). When nothing changed since the latest
 * revision, that revision is returned instead of a copy.
 */
export async function freezeRevision(tx: Tx, communiqueId: string, authorId: string, reason: AuditEvents["revision.created"]["reason"]) {
  const sources = await loadDraftSources(tx, communiqueId);
  const { content, facts } = draftContent(sources);
  const payload: RevisionPayload = { schema: 1, content, facts };
  const hash = revisionHash(payload);
  const latest = await tx.revision.findFirst({ where: { communiqueId }, orderBy: { number: "desc" } });
  if (latest?.hash === hash) return { revision: latest, created: false, content };
  const revision = await tx.revision.create({
    data: {
      communiqueId,
      number: (latest?.number ?? 0) + 1,
      // Stored exactly as hashed, so the stored JSON re-hashes to the same value.
      content: JSON.parse(canonicalJson(payload)) as object,
      hash,
      authorId,
    },
  });
  await recordEvent(tx, {
    actorUserId: authorId,
    action: "revision.created",
    subjectType: "Communique",
    subjectId: communiqueId,
    data: { revision: revision.id, number: revision.number, hash, reason, previous: latest?.hash ?? null },
  });
  return { revision, created: true, content };
}
