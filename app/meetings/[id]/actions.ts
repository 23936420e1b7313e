"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createCommunique } from "@/lib/communiques/create-communique";
import { getActor } from "@/lib/auth/get-actor";
import { formObject, runAction, type ActionResult } from "@/lib/actions/action-result";
import { moveSignatory } from "@/lib/meetings/move-signatory";
import { updateMeeting } from "@/lib/meetings/update-meeting";
import { updateTitle } from "@/lib/meetings/update-titles";

export async function updateMeetingAction(meetingId: string, _prev: ActionResult | null, form: FormData) {
  const result = await runAction(async () => updateMeeting(await getActor(), meetingId, formObject(form)));
  if (result.ok) revalidatePath(`/meetings/${meetingId}`);
  return result;
}

export async function updateTitleAction(meetingId: string, _prev: ActionResult | null, form: FormData) {
  const result = await runAction(async () => updateTitle(await getActor(), meetingId, formObject(form)));
  if (result.ok) revalidatePath(`/meetings/${meetingId}`);
  return result;
}

export async function moveSignatoryAction(meetingId: string, form: FormData): Promise<void> {
  const result = await runAction(async () => moveSignatory(await getActor(), meetingId, formObject(form)));
  if (result.ok) revalidatePath(`/meetings/${meetingId}`);
}

/** Starts the communiqué and opens it; a refusal comes back to the form in the user's language. */
export async function createCommuniqueAction(meetingId: string, _prev?: ActionResult | null, _form?: FormData): Promise<ActionResult> {
  const result = await runAction(async () => createCommunique(await getActor(), meetingId));
  if (result.ok) redirect(`/communiques/${result.data.id}`);
  if (result.code === "ALREADY_EXISTS") redirect(`/communiques/${(result.details as { id: string }).id}`);
  revalidatePath(`/meetings/${meetingId}`);
  return result;
}
