import type { Actor } from "@/lib/auth/actor";
import type { CommuniqueContent } from "@/lib/communique/content";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { renderCommuniquePdf } from "@/lib/pdf";
import { MissingGlyphsError } from "@/lib/pdf/errors";
import type { RevisionPayload } from "@/lib/revisions/revision-payload";
import { draftContent, loadDraftSources } from "./draft-sources";
import { loadCommunique } from "./load-communique";

// Rendered revisions by hash: a revision never changes, so its PDF never does.
const cache = new Map<string, Uint8Array>();
const CACHE_SIZE = 16;

async function render(content: CommuniqueContent, draft: boolean, author: string): Promise<Uint8Array> {
  try {
    return await renderCommuniquePdf(content, { draft, metadata: { author, subject: content.shortTitle.ru } });
  } catch (error) {
    if (error instanceof MissingGlyphsError) {
      throw new AppError("MISSING_GLYPHS", { chars: [...new Set(error.missing.map((m) => m.char))].join(" ") });
    }
    throw error;
  }
}

/** The PDF of the draft as it stands now, always marked as a draft. */
export async function draftPdf(actor: Actor | null, communiqueId: string) {
  const communique = await loadCommunique(actor, communiqueId, "communique.view");
  const { content } = draftContent(await loadDraftSources(db, communiqueId));
  return { bytes: await render(content, true, "Communiqué"), ordinal: communique.meeting.ordinal, number: communique.meeting.number };
}

/**
 * The PDF of a frozen revision, cached by its hash. It is always marked as a draft, the approved
 * revision too: signatures and the seal exist only in the sealed PDF (signedPdf), which is the
 * only document that may call itself signed.
 */
export async function revisionPdf(actor: Actor | null, communiqueId: string, revisionId: string) {
  const communique = await loadCommunique(actor, communiqueId, "revision.view");
  const revision = await db.revision.findFirst({ where: { id: revisionId, communiqueId } });
  if (!revision) throw new AppError("NOT_FOUND");
  let bytes = cache.get(revision.hash);
  if (!bytes) {
    bytes = await render((revision.content as unknown as RevisionPayload).content, true, "Communiqué");
    cache.set(revision.hash, bytes);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  return { bytes, etag: `"${revision.hash}:draft"`, number: revision.number, ordinal: communique.meeting.ordinal, meetingNumber: communique.meeting.number };
}
