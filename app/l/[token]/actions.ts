"use server";

import { endCurrentSession } from "@/lib/auth/end-current-session";
import { findLinkToken } from "@/lib/auth/access-tokens";
import { requestFreshLink } from "@/lib/auth/request-fresh-link";
import { signInWithToken } from "@/lib/auth/sign-in-with-token";
import { runAction, type ActionResult } from "@/lib/actions/action-result";

/** Opens the page of a personal link: the link is used up and a session for that communiqué begins. */
export async function openLinkAction(token: string, _prev: ActionResult | null, _form: FormData) {
  return runAction(async () => {
    const row = await findLinkToken(token, "SIGN_IN_LINK");
    await endCurrentSession();
    return signInWithToken({ purpose: "link", token }, row.path ?? "/");
  });
}

/** Mails a fresh personal link to the owner of a used or expired one. */
export async function freshLinkAction(token: string, _prev: ActionResult | null, _form: FormData) {
  return runAction(() => requestFreshLink(token));
}
