"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/get-actor";
import { formObject, runAction } from "@/lib/actions/action-result";
import { remindPending } from "@/lib/approvals/remind-pending";
import { withdrawSignature } from "@/lib/signatures/withdraw-signature";

export async function remindAction(communiqueId: string) {
  const result = await runAction(async () => remindPending(await getActor(), communiqueId));
  revalidatePath(`/communiques/${communiqueId}/status`);
  return result;
}

export async function withdrawSignatureAction(communiqueId: string, _prev: unknown, form: FormData) {
  const result = await runAction(async () => withdrawSignature(await getActor(), { ...formObject(form), communiqueId }));
  revalidatePath(`/communiques/${communiqueId}/status`);
  revalidatePath(`/communiques/${communiqueId}/sign`);
  return result;
}
