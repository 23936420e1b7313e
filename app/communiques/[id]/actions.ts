"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/get-actor";
import { runAction } from "@/lib/actions/action-result";
import { confirmTranslation } from "@/lib/clauses/confirm-translation";
import { setCommentResolved } from "@/lib/comments/set-comment-resolved";
import { deleteClause, restoreClause } from "@/lib/clauses/delete-clause";
import { insertClause } from "@/lib/clauses/insert-clause";
import { moveClause } from "@/lib/clauses/move-clause";
import { updateClauseText } from "@/lib/clauses/update-clause-text";
import { setNumbering } from "@/lib/communiques/set-numbering";
import { submitCommunique } from "@/lib/communiques/submit-communique";
import { updatePart } from "@/lib/communiques/update-part";
import { saveToLibrary } from "@/lib/library/save-to-library";
import { searchLibrary } from "@/lib/library/search-library";
import { saveRevision } from "@/lib/revisions/save-revision";
import { openSigning } from "@/lib/signatures/open-signing";

// Each action validates in its use case; these only pass the actor along and refresh the page.
const refresh = (id: string) => revalidatePath(`/communiques/${id}`);

export async function saveClauseAction(input: { clauseId: string; lang: "ru" | "ja"; text: string; baseVersion: number; translating: boolean }) {
  return runAction(async () => updateClauseText(await getActor(), input));
}

export async function confirmTranslationAction(input: { clauseId: string; lang: "ru" | "ja" }) {
  return runAction(async () => confirmTranslation(await getActor(), input));
}

export async function savePartAction(input: { communiqueId: string; kind: string; lang: "ru" | "ja"; text: string | null; baseVersion: number }) {
  return runAction(async () => updatePart(await getActor(), input));
}

export async function insertClauseAction(input: { communiqueId: string; position: number; libraryClauseId?: string }) {
  const result = await runAction(async () => insertClause(await getActor(), input));
  refresh(input.communiqueId);
  return result;
}

export async function deleteClauseAction(communiqueId: string, clauseId: string) {
  const result = await runAction(async () => deleteClause(await getActor(), { clauseId }));
  refresh(communiqueId);
  return result;
}

export async function restoreClauseAction(communiqueId: string, clauseId: string) {
  const result = await runAction(async () => restoreClause(await getActor(), { clauseId }));
  refresh(communiqueId);
  return result;
}

export async function moveClauseAction(communiqueId: string, clauseId: string, toIndex: number) {
  const result = await runAction(async () => moveClause(await getActor(), { clauseId, toIndex }));
  refresh(communiqueId);
  return result;
}

export async function setNumberingAction(communiqueId: string, numberClauses: boolean) {
  const result = await runAction(async () => setNumbering(await getActor(), communiqueId, numberClauses));
  refresh(communiqueId);
  return result;
}

export async function saveRevisionAction(communiqueId: string) {
  const result = await runAction(async () => saveRevision(await getActor(), communiqueId));
  refresh(communiqueId);
  return result;
}

export async function submitAction(communiqueId: string, route?: { steps: Record<string, number> }) {
  const result = await runAction(async () => submitCommunique(await getActor(), communiqueId, route));
  refresh(communiqueId);
  return result;
}

export async function searchLibraryAction(input: { q: string; topicId?: string }) {
  return runAction(async () => {
    const found = await searchLibrary(await getActor(), input);
    return found.map((c) => ({
      id: c.id,
      textRu: c.textRu,
      textJa: c.textJa,
      topic: c.topic ? { id: c.topic.id, nameRu: c.topic.nameRu, nameJa: c.topic.nameJa } : null,
    }));
  });
}

export async function saveToLibraryAction(input: { clauseId: string; topicId?: string }) {
  return runAction(async () => saveToLibrary(await getActor(), input));
}

export async function openSigningAction(communiqueId: string) {
  const result = await runAction(async () => openSigning(await getActor(), communiqueId));
  refresh(communiqueId);
  return result;
}

export async function resolveCommentAction(input: { communiqueId: string; commentId: string; resolved: boolean }) {
  const result = await runAction(async () => setCommentResolved(await getActor(), input));
  refresh(input.communiqueId);
  revalidatePath(`/communiques/${input.communiqueId}/status`);
  revalidatePath(`/communiques/${input.communiqueId}/review`);
  return result;
}
