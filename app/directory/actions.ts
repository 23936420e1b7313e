"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/get-actor";
import { formObject, runAction, type ActionResult } from "@/lib/actions/action-result";
import { requestAccount } from "@/lib/directory/request-account";
import { saveEntry } from "@/lib/directory/save-entry";
import { setRetired } from "@/lib/directory/set-retired";

export async function saveEntryAction(_prev: ActionResult | null, form: FormData) {
  const result = await runAction(async () => saveEntry(await getActor(), formObject(form)));
  if (result.ok) revalidatePath("/directory");
  return result;
}

export async function setRetiredAction(_prev: ActionResult | null, form: FormData) {
  const result = await runAction(async () => setRetired(await getActor(), formObject(form)));
  if (result.ok) revalidatePath("/directory");
  return result;
}

export async function requestAccountAction(_prev: ActionResult | null, form: FormData) {
  return runAction(async () => requestAccount(await getActor(), formObject(form)));
}
