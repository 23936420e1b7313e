"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getActor } from "@/lib/auth/get-actor";
import { runAction } from "@/lib/actions/action-result";
import { decide } from "@/lib/approvals/decide";
import { addComment } from "@/lib/comments/add-comment";
import { clientAddress } from "@/lib/http/client-address";

export async function decideAction(input: { communiqueId: string; revisionHash: string; decision: "APPROVED" | "CHANGES_REQUESTED"; comment?: string }) {
  const result = await runAction(async () => {
    return decide(await getActor(), input, { ip: clientAddress(await headers()) });
  });
  revalidatePath(`/communiques/${input.communiqueId}/review`);
  return result;
}

export async function addCommentAction(input: { communiqueId: string; revisionId: string; blockId: string; lang: "ru" | "ja"; body: string; parentId?: string }) {
  const result = await runAction(async () => addComment(await getActor(), input));
  if (result.ok) {
    revalidatePath(`/communiques/${input.communiqueId}/review`);
    revalidatePath(`/communiques/${input.communiqueId}/status`);
  }
  return result;
}
