import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

/**
 * A directory entry chosen in a meeting form: it must exist and be in use. A retired entry is
 * kept where it already stands, but is never chosen anew. The refusal names the form's field.
 */
function picked<T extends { retiredAt: Date | null }>(entry: T | null, field: string): T {
  if (!entry || entry.retiredAt) throw new AppError("VALIDATION", {}, { [field]: "invalid" });
  return entry;
}

export const pickPerson = async (tx: Tx, id: string, field: string) => picked(await tx.person.findUnique({ where: { id } }), field);
export const pickCity = async (tx: Tx, id: string, field: string) => picked(await tx.city.findUnique({ where: { id } }), field);
export const pickAssociation = async (tx: Tx, id: string, field: string) => picked(await tx.association.findUnique({ where: { id } }), field);
export const pickTopic = async (tx: Tx, id: string, field: string) => picked(await tx.agendaTopic.findUnique({ where: { id } }), field);

/** The next position at the end of a list. */
export const nextPosition = (rows: { position: number }[]) => rows.reduce((max, r) => Math.max(max, r.position + 1), 0);
