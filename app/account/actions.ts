"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getActor } from "@/lib/auth/get-actor";
import { changePassword } from "@/lib/account/change-password";
import { endOtherSessions } from "@/lib/account/end-other-sessions";
import { endOwnSession } from "@/lib/account/end-own-session";
import { formObject, runAction, type ActionResult } from "@/lib/actions/action-result";
import { clientAddress } from "@/lib/http/client-address";

async function done<T>(result: Promise<ActionResult<T>>) {
  const settled = await result;
  if (settled.ok) revalidatePath("/account");
  return settled;
}

export async function endOwnSessionAction(_prev: ActionResult | null, form: FormData) {
  return done(runAction(async () => endOwnSession(await getActor(), formObject(form))));
}

export async function endOtherSessionsAction(_prev: ActionResult | null, _form: FormData) {
  return done(runAction(async () => endOtherSessions(await getActor())));
}

export async function changePasswordAction(_prev: ActionResult | null, form: FormData) {
  return done(runAction(async () => changePassword(await getActor(), formObject(form), { ip: clientAddress(await headers()) })));
}
