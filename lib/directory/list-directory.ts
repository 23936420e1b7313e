import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import { normalizeLine } from "@/lib/text/normalize";
import type { EntryKind } from "./entry-input";

const queryInput = z.object({
  q: z.string().max(200).optional().transform((v) => normalizeLine(v ?? "")),
  retired: z.boolean().optional().default(false),
});

const byName = { nameRu: "asc" } as const;

/** A text filter over the fields a user may search by, in either language. */
function matching(q: string, fields: string[]) {
  return q ? { OR: fields.map((field) => ({ [field]: { contains: q, mode: "insensitive" as const } })) } : {};
}

/**
 * One kind of directory entry, searched in either language, with what uses each entry (so
 * the secretariat sees why an entry is kept). Retired entries are listed only when asked for.
 */
export async function listDirectory(actor: Actor | null, kind: EntryKind, query: { q?: string; retired?: boolean } = {}) {
  assertCan(actor, "directory.view");
  const { q, retired } = z.parse(queryInput, query);
  const state = { retiredAt: retired ? { not: null } : null };
  switch (kind) {
    case "city":
      return {
        kind,
        rows: await db.city.findMany({
          where: { ...state, ...matching(q, ["nameRu", "nameJa", "nameLocativeRu"]) },
          orderBy: [{ side: "asc" }, byName],
          include: { _count: { select: { delegations: true, hostedMeetings: true } } },
        }),
      };
    case "person":
      return {
        kind,
        rows: await db.person.findMany({
          where: { ...state, ...matching(q, ["nameRu", "nameJa", "email"]) },
          orderBy: [{ side: "asc" }, byName],
          include: {
            user: { select: { id: true, active: true } },
            _count: { select: { heads: true, participants: true, signatories: true } },
          },
        }),
      };
    case "association":
      return {
        kind,
        rows: await db.association.findMany({
          where: { ...state, ...matching(q, ["nameRu", "nameJa"]) },
          orderBy: [{ side: "asc" }, byName],
          include: { _count: { select: { invitingMeetings: true, guestMeetings: true } } },
        }),
      };
    case "topic":
      return {
        kind,
        rows: await db.agendaTopic.findMany({
          where: { ...state, ...matching(q, ["nameRu", "nameJa"]) },
          orderBy: byName,
          include: { _count: { select: { meetings: true, clauses: true } } },
        }),
      };
  }
}

export type DirectoryListing = Awaited<ReturnType<typeof listDirectory>>;

/** The entries in use, for the pickers of the meeting forms: retired ones are left out. */
export async function directoryChoices(actor: Actor | null) {
  assertCan(actor, "directory.view");
  const active = { where: { retiredAt: null }, orderBy: [{ side: "asc" as const }, byName] };
  const [cities, people, associations, topics] = await Promise.all([
    db.city.findMany(active),
    db.person.findMany({ ...active, include: { user: { select: { id: true } } } }),
    db.association.findMany(active),
    db.agendaTopic.findMany({ where: { retiredAt: null }, orderBy: byName }),
  ]);
  return { cities, people, associations, topics };
}

export type DirectoryChoices = Awaited<ReturnType<typeof directoryChoices>>;
