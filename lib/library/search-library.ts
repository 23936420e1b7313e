import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { parseInput } from "@/lib/validation/fields";

const searchInput = z.object({
  q: z.string().max(200).default(""),
  topicId: z.string().optional(),
  /** The library page can list the retired clauses; the editor never offers them. */
  retired: z.boolean().default(false),
});

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Library clauses matching every word of the query in either language, grouped by topic in
 * the caller. Russian words match at the start of a word, case-insensitively ("визов" finds
 * "визовых"); Japanese, written without spaces, matches anywhere.
 */
export async function searchLibrary(actor: Actor | null, input: unknown) {
  assertCan(actor, "library.view");
  const { q, topicId, retired } = parseInput(searchInput, input);
  // Punctuation around a word ("(въездной", "«Год») is not part of what to find; a "word" of
  // punctuation only is looked for as it is.
  const words = q
    .normalize("NFC")
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "") || w)
    .filter(Boolean)
    .slice(0, 8);
  const conditions = words.map(
    (w) => Prisma.sql`("textRu" ~* ${`\\m${escapeRegex(w)}`} OR "textJa" ILIKE ${`%${escapeLike(w)}%`})`,
  );
  if (topicId) conditions.push(Prisma.sql`"topicId" = ${topicId}`);
  conditions.push(retired ? Prisma.sql`"retiredAt" IS NOT NULL` : Prisma.sql`"retiredAt" IS NULL`);
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const ids = await db.$queryRaw<{ id: string }[]>`SELECT "id" FROM "LibraryClause" ${where} ORDER BY "createdAt", "id" LIMIT 200`;
  const clauses = await db.libraryClause.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    include: { topic: true },
  });
  const order = new Map(ids.map((r, i) => [r.id, i]));
  return clauses.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

/** Which communiqués took each of these library clauses: library clause id → communiqués, oldest meeting first. */
export async function libraryUsage(actor: Actor | null, libraryClauseIds: string[]) {
  assertCan(actor, "library.view");
  const rows = await db.clause.findMany({
    where: { libraryClauseId: { in: libraryClauseIds } },
    distinct: ["libraryClauseId", "communiqueId"],
    select: { libraryClauseId: true, communique: { select: { id: true, meeting: { select: { ordinal: true, number: true } } } } },
  });
  const usage = new Map<string, { id: string; ordinal: string; number: number }[]>();
  for (const row of rows) {
    const list = usage.get(row.libraryClauseId!) ?? [];
    list.push({ id: row.communique.id, ...row.communique.meeting });
    usage.set(row.libraryClauseId!, list.sort((a, b) => a.number - b.number));
  }
  return usage;
}

/** The topics to file clauses under: the directory's topics in use. */
export async function listTopics(actor: Actor | null) {
  assertCan(actor, "library.view");
  return db.agendaTopic.findMany({ where: { retiredAt: null }, orderBy: { key: "asc" } });
}
