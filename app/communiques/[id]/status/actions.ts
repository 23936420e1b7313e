"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/get-actor";
import { runAction } from "@/lib/actions/action-result";
import { remindPending } from "@/lib/approvals/remind-pending";

export async function remindAction(communiqueId: string) {
  const result = await runAction(async () => remindPending(await getActor(), communiqueId));
  revalidatePath(`/communiques/${communiqueId}/status`);
  return result;
}
