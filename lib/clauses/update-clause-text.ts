import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { AppError } from "@/lib/errors/app-error";
import { sha256Hex } from "@/lib/hash/canonical";
import { parseInput } from "@/lib/validation/fields";
import { cleanClauseText } from "./clause-text";
import { communiqueOfClause, editCommunique } from "./editable";
import { afterEdit } from "./sync-flags";

const updateInput = z.object({
  clauseId: z.string().min(1),
  lang: z.enum(["ru", "ja"]),
  text: z.string(),
  /** The clause version the editor started from. */
  baseVersion: z.coerce.number().int().positive(),
  /** The editor is updating a flagged translation (see sync-flags). */
  translating: z.coerce.boolean().default(false),
});

export interface ClauseState {
  id: string;
  version: number;
  textRu: string;
  textJa: string;
  ruStale: boolean;
  jaStale: boolean;
}

/**
 * Saves one language of a clause. A save based on an older version than the stored one is
 * refused with EDIT_CONFLICT and the stored clause, so the editor can show both texts.
 */
export async function updateClauseText(actor: Actor | null, input: unknown): Promise<ClauseState> {
  const { clauseId, lang, text: raw, baseVersion, translating } = parseInput(updateInput, input);
  const communiqueId = await communiqueOfClause(actor, clauseId);
  const text = cleanClauseText(raw);
  return editCommunique(actor, communiqueId, async (tx, who) => {
    const current = await tx.clause.findUniqueOrThrow({ where: { id: clauseId } });
    if (current.deletedAt) throw new AppError("NOT_FOUND");
    if (current.version !== baseVersion) {
      throw new AppError("EDIT_CONFLICT", {}, {}, { yours: text, lang, theirs: stateOf(current) });
    }
    const before = lang === "ru" ? current.textRu : current.textJa;
    if (before === text) return stateOf(current);
    const flags = afterEdit({ ruStale: current.ruStale, jaStale: current.jaStale }, lang, translating);
    const now = new Date();
    const updated = await tx.clause.update({
      where: { id: clauseId },
      data: {
        ...(lang === "ru" ? { textRu: text, ruChangedAt: now } : { textJa: text, jaChangedAt: now }),
        ...flags,
        version: { increment: 1 },
      },
    });
    await recordEvent(tx, {
      actorUserId: who.userId,
      action: "clause.text-updated",
      subjectType: "Communique",
      subjectId: communiqueId,
      data: { clause: clauseId, lang, before: sha256Hex(before), after: sha256Hex(text), version: updated.version },
    });
    return stateOf(updated);
  });
}

export function stateOf(c: ClauseState): ClauseState {
  return { id: c.id, version: c.version, textRu: c.textRu, textJa: c.textJa, ruStale: c.ruStale, jaStale: c.jaStale };
}
