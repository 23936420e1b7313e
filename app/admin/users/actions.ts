"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/get-actor";
import { formObject, runAction, type ActionResult } from "@/lib/actions/action-result";
import { createUser } from "@/lib/users/create-user";
import { resendInvitation } from "@/lib/users/resend-invitation";
import { revokeInvitation } from "@/lib/users/revoke-invitation";
import { signOutEverywhere } from "@/lib/users/sign-out-everywhere";
import { updateUser } from "@/lib/users/update-user";

async function done<T>(result: Promise<ActionResult<T>>) {
  const settled = await result;
  if (settled.ok) revalidatePath("/admin/users");
  return settled;
}

export async function createUserAction(_prev: ActionResult | null, form: FormData) {
  return done(runAction(async () => createUser(await getActor(), formObject(form))));
}

export async function updateUserAction(userId: string, _prev: ActionResult | null, form: FormData) {
  return done(runAction(async () => updateUser(await getActor(), userId, formObject(form))));
}

export async function resendInvitationAction(userId: string, _prev: ActionResult | null, _form: FormData) {
  return done(runAction(async () => resendInvitation(await getActor(), userId)));
}

export async function revokeInvitationAction(userId: string, _prev: ActionResult | null, _form: FormData) {
  return done(runAction(async () => revokeInvitation(await getActor(), userId)));
}

export async function signOutEverywhereAction(userId: string, _prev: ActionResult | null, _form: FormData) {
  return done(runAction(async () => signOutEverywhere(await getActor(), userId)));
}
