import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/fields";
import { editMeeting, type MeetingEdit } from "./edit-meeting";

const moveInput = z.object({
  kind: z.enum(["participant", "signatory", "topic"], { message: "invalid" }),
  id: z.string().min(1),
  direction: z.enum(["up", "down"], { message: "invalid" }),
});

/**
 * Moves a participant, a signatory or a topic one place in its list. Participants move among
 * their own side (each side is printed as a group); the signing order is one list, which the
 * PDF pairs by side; topics are printed in their order in the topics paragraph.
 */
export async function moveRow(actor: Actor | null, meetingId: string, input: unknown) {
  await editMeeting(actor, meetingId, async (tx, meeting) => {
    const { kind, id, direction } = parseInput(moveInput, input);
    const rows: { id: string; group: string }[] =
      kind === "participant"
        ? meeting.participants.map((p) => ({ id: p.id, group: p.delegation.side }))
        : (kind === "signatory" ? meeting.signatories : meeting.topics).map((r) => ({ id: r.id, group: "" }));
    const from = rows.findIndex((r) => r.id === id);
    if (from < 0) throw new AppError("NOT_FOUND");
    const group = rows.filter((r) => r.group === rows[from]!.group);
    const inGroup = group.findIndex((r) => r.id === id);
    const neighbour = group[direction === "up" ? inGroup - 1 : inGroup + 1];
    if (!neighbour) return null;
    const order = rows.map((r) => r.id);
    const to = order.indexOf(neighbour.id);
    [order[from], order[to]] = [order[to]!, order[from]!];
    const table = { participant: tx.participant, signatory: tx.signatory, topic: tx.meetingTopic }[kind] as unknown as {
      update(args: { where: { id: string }; data: { position: number } }): Promise<unknown>;
    };
    for (const [position, rowId] of order.entries()) await table.update({ where: { id: rowId }, data: { position } });
    // Spelt out per kind rather than as `{ [kind]: id }`, whose key the compiler cannot tie to the action.
    const events = {
      participant: { action: "participant.moved", data: { participant: id, direction, order } },
      signatory: { action: "signatory.moved", data: { signatory: id, direction, order } },
      topic: { action: "topic.moved", data: { topic: id, direction, order } },
    } satisfies Record<typeof kind, MeetingEdit>;
    return { result: undefined, event: events[kind] };
  });
}
