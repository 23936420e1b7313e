import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { printedLine } from "@/lib/directory/entry-input";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/fields";
import { editMeeting } from "./edit-meeting";
import { nextPosition, pickTopic } from "./pick-entries";

const topicInput = z.object({
  topicId: z.string().trim().min(1, { message: "required" }),
  titleRu: printedLine(300),
  titleJa: printedLine(300),
});

/**
 * Puts a topic of the directory on the meeting's agenda with the full title this meeting
 * discussed it under; the communiqué's topics paragraph lists them in order.
 */
export async function addTopic(actor: Actor | null, meetingId: string, input: unknown): Promise<{ id: string } | undefined> {
  return editMeeting(actor, meetingId, async (tx, meeting) => {
    const { topicId, titleRu, titleJa } = parseInput(topicInput, input);
    const topic = await pickTopic(tx, topicId, "topicId");
    if (meeting.topics.some((t) => t.topicId === topic.id)) throw new AppError("VALIDATION", {}, { topicId: "duplicate" });
    const row = await tx.meetingTopic.create({ data: { meetingId: meeting.id, topicId: topic.id, titleRu, titleJa, position: nextPosition(meeting.topics) } });
    return { result: { id: row.id }, event: { action: "topic.added", data: { meetingTopic: row.id, topic: topic.id, titleRu, titleJa } } };
  });
}
