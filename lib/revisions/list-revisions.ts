import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { loadCommunique } from "@/lib/communiques/load-communique";
import type { RevisionPayload } from "./revision-payload";

export async function listRevisions(actor: Actor | null, communiqueId: string) {
  const communique = await loadCommunique(actor, communiqueId, "revision.view");
  const revisions = await db.revision.findMany({
    where: { communiqueId },
    orderBy: { number: "desc" },
    select: { id: true, number: true, hash: true, createdAt: true, author: { select: { displayName: true } } },
  });
  return { communique, revisions };
}

/** One revision's frozen payload, for someone who may see the communiqué. */
export async function getRevision(actor: Actor | null, communiqueId: string, revisionId: string) {
  await loadCommunique(actor, communiqueId, "revision.view");
  const revision = await db.revision.findFirst({ where: { id: revisionId, communiqueId } });
  if (!revision) throw new AppError("NOT_FOUND");
  return { ...revision, payload: revision.content as unknown as RevisionPayload };
}
