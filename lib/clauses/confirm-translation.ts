import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/fields";
import { communiqueOfClause, editCommunique } from "./editable";
import { afterConfirm } from "./sync-flags";
import { stateOf, type ClauseState } from "./update-clause-text";

const confirmInput = z.object({ clauseId: z.string().min(1), lang: z.enum(["ru", "ja"]) });

/** "Translation checked": the text in `lang` matches the other language as it is now. */
export async function confirmTranslation(actor: Actor | null, input: unknown): Promise<ClauseState> {
  const { clauseId, lang } = parseInput(confirmInput, input);
  const communiqueId = await communiqueOfClause(actor, clauseId);
  return editCommunique(actor, communiqueId, async (tx, who) => {
    const current = await tx.clause.findUniqueOrThrow({ where: { id: clauseId } });
    if (current.deletedAt) throw new AppError("NOT_FOUND");
    const text = lang === "ru" ? current.textRu : current.textJa;
    if (!text) throw new AppError("VALIDATION", {}, { text: "required" });
    const updated = await tx.clause.update({
      where: { id: clauseId },
      data: { ...afterConfirm({ ruStale: current.ruStale, jaStale: current.jaStale }, lang), version: { increment: 1 } },
    });
    await recordEvent(tx, {
      actorUserId: who.userId,
      action: "clause.translation-confirmed",
      subjectType: "Communique",
      subjectId: communiqueId,
      data: { clause: clauseId, lang },
    });
    return stateOf(updated);
  });
}
