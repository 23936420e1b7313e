import { z } from "zod";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

/**
 * Who approves, in which order: a list of steps, each step a set of delegations whose heads
 * decide in parallel. By default one step with every delegation of the meeting.
 */
export const routeInput = z
  .object({
    /** delegation id → step number (1 = first). Delegations left out do not approve. */
    steps: z.record(z.string(), z.coerce.number().int().min(1).max(20)).optional(),
  })
  .default({});

export type RouteInput = z.input<typeof routeInput>;

export async function resolveRoute(tx: Tx, meetingId: string, input: RouteInput | undefined): Promise<string[][]> {
  const delegations = await tx.delegation.findMany({ where: { meetingId }, orderBy: [{ side: "asc" }, { position: "asc" }], select: { id: true } });
  const result = routeInput.safeParse(input ?? {});
  if (!result.success) throw new AppError("VALIDATION", {}, { route: "invalid" });
  const parsed = result.data;
  if (!parsed.steps || Object.keys(parsed.steps).length === 0) return [delegations.map((d) => d.id)];
  const known = new Set(delegations.map((d) => d.id));
  const byStep = new Map<number, string[]>();
  for (const [delegationId, step] of Object.entries(parsed.steps)) {
    if (!known.has(delegationId)) throw new AppError("VALIDATION", {}, { route: "invalid" });
    byStep.set(step, [...(byStep.get(step) ?? []), delegationId]);
  }
  // Gaps in the numbering (1, 3) just mean consecutive steps.
  return [...byStep.entries()].sort(([a], [b]) => a - b).map(([, ids]) => ids);
}
