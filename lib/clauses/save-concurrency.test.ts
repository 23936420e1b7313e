import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { verifyChain } from "@/lib/audit/verify-chain";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { createTestCommunique, seededLibraryClause, seedText } from "@/lib/testing/drafting-fixtures";
import { actorFor, SECRETARIAT, useTestDatabase } from "@/lib/testing/test-db";
import { insertClause } from "./insert-clause";
import { updateClauseText, type ClauseState } from "./update-clause-text";

useTestDatabase();

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
const seeded = seedText("energy-and-ports");

let secretariat: Actor;

beforeAll(async () => {
  secretariat = await actorFor(SECRETARIAT);
});

/** A fresh clause (version 1, the seeded texts) in a communiqué of its own. */
async function freshClause(): Promise<{ communiqueId: string; clauseId: string }> {
  const { communiqueId } = await createTestCommunique(secretariat);
  const library = await seededLibraryClause("energy-and-ports");
  const { id } = await insertClause(secretariat, { communiqueId, position: 0, libraryClauseId: library.id });
  return { communiqueId, clauseId: id };
}

/** The text-update events of one clause, in chain order. */
async function textEvents(communiqueId: string, clauseId: string) {
  const events = await db.auditEvent.findMany({
    where: { subjectType: "Communique", subjectId: communiqueId, action: "clause.text-updated" },
    orderBy: { seq: "asc" },
  });
  return events.map((e) => e.data as { clause: string; lang: string; before: string; after: string; version: number }).filter((d) => d.clause === clauseId);
}

/** How the refused calls were refused: domain error codes, or the first line of anything else. */
function refusals(results: PromiseSettledResult<unknown>[]) {
  const counts: Record<string, number> = {};
  for (const r of results) {
    if (r.status === "fulfilled") continue;
    const e = r.reason as unknown;
    const key = e instanceof AppError ? e.code : `${(e as Error)?.name}: ${String((e as Error)?.message ?? e).split("\n").find(Boolean)}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/**
 * `calls` saves of the same language of one clause at once, all from version 1, each with
 * its own text: one goes through, every other one is refused as a conflict that hands back
 * both the stored text and the refused one, and the clause moved on by exactly one version.
 */
async function conflictingSaves(calls: number) {
  const { communiqueId, clauseId } = await freshClause();
  const texts = Array.from({ length: calls }, (_, i) => `Стороны согласовали редакцию № ${i + 1}.`);
  const started = performance.now();
  const results = await Promise.allSettled(texts.map((text) => updateClauseText(secretariat, { clauseId, lang: "ru", text, baseVersion: 1 })));
  const ms = performance.now() - started;
  const counts = refusals(results);
  if (calls >= 100) console.log(`${calls} concurrent saves from one version settled in ${Math.round(ms)} ms; refused: ${JSON.stringify(counts)}`);

  const won = results.flatMap((r, i) => (r.status === "fulfilled" ? [{ i, state: r.value }] : []));
  expect(won).toHaveLength(1);
  expect(counts).toEqual({ EDIT_CONFLICT: calls - 1 });
  const winner = texts[won[0]!.i]!;
  expect(won[0]!.state).toMatchObject({ id: clauseId, version: 2, textRu: winner, textJa: seeded.ja, ruStale: false, jaStale: true });

  // Stored: the winner's text, one version on, one audited change from the seed text to it.
  expect(await db.clause.findUniqueOrThrow({ where: { id: clauseId } })).toMatchObject({ textRu: winner, textJa: seeded.ja, version: 2 });
  expect(await textEvents(communiqueId, clauseId)).toEqual([{ clause: clauseId, lang: "ru", before: sha256(seeded.ru), after: sha256(winner), version: 2 }]);

  // Every loser is told what is stored now, and gets its own text back to merge: nothing is lost.
  results.forEach((r, i) => {
    if (r.status === "fulfilled") return;
    expect((r.reason as AppError).details).toEqual({
      yours: texts[i],
      lang: "ru",
      theirs: { id: clauseId, version: 2, textRu: winner, textJa: seeded.ja, ruStale: false, jaStale: true },
    });
  });
  expect(await verifyChain(db)).toMatchObject({ ok: true });
}

/**
 * `calls` editors append a token each at once; refused with a conflict, an editor does
 * what the editor's conflict view offers: takes the stored text it is handed and adds its
 * token again on top, from the stored version. In the end every token is in the text once,
 * each save moved the clause on by one version, and the audit trail is one unbroken line
 * of changes: every save starts from the text the one before it stored.
 */
async function appendingSaves(calls: number) {
  const { communiqueId, clauseId } = await freshClause();
  const tokens = Array.from({ length: calls }, (_, i) => `т${String(i + 1).padStart(3, "0")}`);
  let attempts = 0;
  let pending = calls;
  const append = async (token: string) => {
    let base: ClauseState = { id: clauseId, version: 1, textRu: seeded.ru, textJa: seeded.ja, ruStale: false, jaStale: false };
    for (;;) {
      attempts += 1;
      try {
        const state = await updateClauseText(secretariat, { clauseId, lang: "ru", text: `${base.textRu} ${token}`, baseVersion: base.version });
        pending -= 1;
        return state;
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== "EDIT_CONFLICT") throw error;
        base = (error.details as { theirs: ClauseState }).theirs;
        // Editors do not all press "save again" in the same millisecond: each waits a random
        // while, the longer the more editors are still at it (a save takes a few milliseconds).
        await new Promise((resolve) => setTimeout(resolve, Math.random() * pending * 4));
      }
    }
  };
  const started = performance.now();
  const results = await Promise.allSettled(tokens.map(append));
  const ms = performance.now() - started;
  if (calls >= 100) console.log(`${calls} concurrent appending editors done in ${Math.round(ms)} ms with ${attempts} saves in all`);
  expect(refusals(results)).toEqual({});

  const stored = await db.clause.findUniqueOrThrow({ where: { id: clauseId } });
  expect(stored.version).toBe(1 + calls);
  expect(stored.textRu.startsWith(`${seeded.ru} `)).toBe(true);
  const appended = stored.textRu.slice(seeded.ru.length + 1).split(" ");
  expect(appended).toHaveLength(calls);
  expect([...appended].sort()).toEqual(tokens);

  // One change per token, each from the text the previous one stored, versions 2 … calls + 1.
  const events = await textEvents(communiqueId, clauseId);
  expect(events.map((e) => e.version)).toEqual(Array.from({ length: calls }, (_, i) => i + 2));
  let text = seeded.ru;
  for (const [k, event] of events.entries()) {
    expect(event.before, `change ${k + 1}`).toBe(sha256(text));
    text = `${text} ${appended[k]}`;
    expect(event.after, `change ${k + 1}`).toBe(sha256(text));
  }
  expect(text).toBe(stored.textRu);
  // Each editor was told the text its save stored: ending in its own token, one version each.
  const told = results.map((r, i) => {
    const state = (r as PromiseFulfilledResult<ClauseState>).value;
    expect(state.textRu.endsWith(` ${tokens[i]}`), tokens[i]).toBe(true);
    return state.version;
  });
  expect(told.sort((a, b) => a - b)).toEqual(events.map((e) => e.version));
  expect(await verifyChain(db)).toMatchObject({ ok: true });
}

describe("concurrent saves of one clause from the same version", () => {
  it("20 at once: one saved, 19 refused with EDIT_CONFLICT, version + 1, one audit event", async () => {
    await conflictingSaves(20);
  });

  it.skipIf(!process.env.DATABASE_URL)("200 at once on PostgreSQL: one saved, 199 refused with EDIT_CONFLICT, version + 1, one audit event", async () => {
    await conflictingSaves(200);
  }, 120_000);
});

describe("concurrent editors resolving their conflicts by saving again", () => {
  it("20 at once: every token appended exactly once, one version and one audit event each", async () => {
    await appendingSaves(20);
  }, 120_000);

  it.skipIf(!process.env.DATABASE_URL)("200 at once on PostgreSQL: no update lost", async () => {
    await appendingSaves(200);
  }, 300_000);
});
