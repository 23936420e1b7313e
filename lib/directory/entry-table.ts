import type { AuditSubjectType } from "@/lib/audit/audit-events";
import type { Tx } from "@/lib/db";
import type { EntryKind } from "./entry-input";

/** The audit subject of each kind of entry. */
export const SUBJECT_TYPE = {
  city: "City",
  person: "Person",
  association: "Association",
  topic: "AgendaTopic",
} as const satisfies Record<EntryKind, AuditSubjectType>;

/** What the directory's use cases need of a table, the same for every kind. */
export interface EntryTable {
  findUnique(args: { where: { id: string } }): Promise<{ id: string; retiredAt: Date | null } | null>;
  findFirst(args: { where: Record<string, unknown> }): Promise<{ id: string } | null>;
  create(args: { data: Record<string, unknown> }): Promise<{ id: string }>;
  update(args: { where: { id: string }; data: Record<string, unknown> }): Promise<unknown>;
}

/** The Prisma table that keeps entries of this kind. */
export function entryTable(tx: Tx, kind: EntryKind): EntryTable {
  const tables = { city: tx.city, person: tx.person, association: tx.association, topic: tx.agendaTopic };
  return tables[kind] as unknown as EntryTable;
}

/** The fields whose values must not repeat, per kind; a person is known by the e-mail too. */
const UNIQUE_FIELDS: Record<EntryKind, string[]> = {
  city: ["nameRu", "nameJa"],
  person: ["email"],
  association: ["nameRu", "nameJa"],
  topic: ["nameRu", "nameJa"],
};

/** The unique fields of `fields` that an entry in use (other than `id`) already has, with their error codes. */
export async function findClashes(tx: Tx, kind: EntryKind, fields: Record<string, unknown>, id: string | null) {
  const table = entryTable(tx, kind);
  const fieldErrors: Record<string, string> = {};
  for (const field of UNIQUE_FIELDS[kind]) {
    const value = fields[field];
    if (typeof value !== "string") continue;
    const clash = await table.findFirst({
      where: {
        [field]: { equals: value, mode: "insensitive" },
        retiredAt: null,
        ...(id ? { id: { not: id } } : {}),
        // A name clashes on its own side only; an e-mail belongs to one person whatever the side.
        ...("side" in fields && field !== "email" ? { side: fields.side } : {}),
      },
    });
    if (clash) fieldErrors[field] = field === "email" ? "emailTaken" : "duplicate";
  }
  return fieldErrors;
}
