"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/get-actor";
import { formObject, runAction, type ActionResult } from "@/lib/actions/action-result";
import { createUser } from "@/lib/users/create-user";
import { updateUser } from "@/lib/users/update-user";

export async function createUserAction(_prev: ActionResult | null, form: FormData) {
  const result = await runAction(async () => createUser(await getActor(), formObject(form)));
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

export async function updateUserAction(userId: string, _prev: ActionResult | null, form: FormData) {
  const result = await runAction(async () => updateUser(await getActor(), userId, formObject(form)));
  if (result.ok) revalidatePath("/admin/users");
  return result;
}
