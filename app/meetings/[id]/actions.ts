"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createCommunique } from "@/lib/communiques/create-communique";
import { getActor } from "@/lib/auth/get-actor";
import { formObject, runAction, type ActionResult } from "@/lib/actions/action-result";
import type { Actor } from "@/lib/auth/actor";
import { addDelegation } from "@/lib/meetings/add-delegation";
import { addParticipant } from "@/lib/meetings/add-participant";
import { addSignatory } from "@/lib/meetings/add-signatory";
import { addTopic } from "@/lib/meetings/add-topic";
import { moveRow } from "@/lib/meetings/move-row";
import { removeDelegation } from "@/lib/meetings/remove-delegation";
import { removeRow } from "@/lib/meetings/remove-row";
import { updateDelegation } from "@/lib/meetings/update-delegation";
import { updateMeeting } from "@/lib/meetings/update-meeting";
import { updateTitle } from "@/lib/meetings/update-titles";

type MeetingUseCase = (actor: Actor | null, meetingId: string, input: unknown) => Promise<unknown>;

/** Runs a change of the meeting from its form and refreshes the meeting page. */
async function changeMeeting(useCase: MeetingUseCase, meetingId: string, form: FormData) {
  const result = await runAction(async () => useCase(await getActor(), meetingId, formObject(form)));
  if (result.ok) revalidatePath(`/meetings/${meetingId}`);
  return result;
}

export async function updateMeetingAction(meetingId: string, _prev: ActionResult | null, form: FormData) {
  return changeMeeting(updateMeeting, meetingId, form);
}

export async function updateTitleAction(meetingId: string, _prev: ActionResult | null, form: FormData) {
  return changeMeeting(updateTitle, meetingId, form);
}

export async function moveRowAction(meetingId: string, form: FormData): Promise<void> {
  await changeMeeting(moveRow, meetingId, form);
}

export async function addDelegationAction(meetingId: string, _prev: ActionResult | null, form: FormData) {
  return changeMeeting(addDelegation, meetingId, form);
}

export async function updateDelegationAction(meetingId: string, _prev: ActionResult | null, form: FormData) {
  return changeMeeting(updateDelegation, meetingId, form);
}

export async function removeDelegationAction(meetingId: string, _prev: ActionResult | null, form: FormData) {
  return changeMeeting(removeDelegation, meetingId, form);
}

export async function addParticipantAction(meetingId: string, _prev: ActionResult | null, form: FormData) {
  return changeMeeting(addParticipant, meetingId, form);
}

export async function addSignatoryAction(meetingId: string, _prev: ActionResult | null, form: FormData) {
  return changeMeeting(addSignatory, meetingId, form);
}

export async function addTopicAction(meetingId: string, _prev: ActionResult | null, form: FormData) {
  return changeMeeting(addTopic, meetingId, form);
}

export async function removeRowAction(meetingId: string, _prev: ActionResult | null, form: FormData) {
  return changeMeeting(removeRow, meetingId, form);
}

/** Starts the communiqué and opens it; a refusal comes back to the form in the user's language. */
export async function createCommuniqueAction(meetingId: string, _prev?: ActionResult | null, _form?: FormData): Promise<ActionResult> {
  const result = await runAction(async () => createCommunique(await getActor(), meetingId));
  if (result.ok) redirect(`/communiques/${result.data.id}`);
  if (result.code === "ALREADY_EXISTS") redirect(`/communiques/${(result.details as { id: string }).id}`);
  revalidatePath(`/meetings/${meetingId}`);
  return result;
}
