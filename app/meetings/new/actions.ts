"use server";

import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/get-actor";
import { formObject, runAction, type ActionResult } from "@/lib/actions/action-result";
import { createMeeting } from "@/lib/meetings/create-meeting";

/** Creates the meeting and opens it; a refusal comes back to the form, with what was typed. */
export async function createMeetingAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await runAction(async () => createMeeting(await getActor(), formObject(form)));
  if (result.ok) redirect(`/meetings/${result.data.id}`);
  return result;
}
