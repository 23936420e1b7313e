"use server";

import { headers } from "next/headers";
import { requestPasswordReset } from "@/lib/auth/request-password-reset";
import { formObject, runAction, type ActionResult } from "@/lib/actions/action-result";
import { clientAddress } from "@/lib/http/client-address";

/** Always the same answer for an account that exists and one that does not. */
export async function forgotPasswordAction(_prev: ActionResult | null, form: FormData) {
  return runAction(async () => requestPasswordReset(formObject(form), clientAddress(await headers())));
}
