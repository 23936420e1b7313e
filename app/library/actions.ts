"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/get-actor";
import { formObject, runAction, type ActionResult } from "@/lib/actions/action-result";
import { saveLibraryClause } from "@/lib/library/save-library-clause";
import { setLibraryClauseRetired } from "@/lib/library/set-library-clause-retired";

export async function saveLibraryClauseAction(_prev: ActionResult | null, form: FormData) {
  const result = await runAction(async () => saveLibraryClause(await getActor(), formObject(form)));
  if (result.ok) revalidatePath("/library");
  return result;
}

export async function setLibraryClauseRetiredAction(_prev: ActionResult | null, form: FormData) {
  const result = await runAction(async () => setLibraryClauseRetired(await getActor(), formObject(form)));
  if (result.ok) revalidatePath("/library");
  return result;
}
