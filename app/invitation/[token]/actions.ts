"use server";

import { endCurrentSession } from "@/lib/auth/end-current-session";
import { newPasswordInput } from "@/lib/auth/new-password";
import { signInWithToken } from "@/lib/auth/sign-in-with-token";
import { formObject, runAction, type ActionResult } from "@/lib/actions/action-result";
import { parseInput } from "@/lib/validation/fields";

/** The invited person's chosen password: checked here for the form, then set by the sign-in. */
export async function acceptInvitationAction(token: string, _prev: ActionResult | null, form: FormData) {
  return runAction(async () => {
    const { password, confirm } = parseInput(newPasswordInput, formObject(form));
    await endCurrentSession();
    return signInWithToken({ purpose: "invitation", token, password, confirm }, "/");
  });
}
