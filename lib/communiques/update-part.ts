import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { cleanClauseText } from "@/lib/clauses/clause-text";
import { editCommunique } from "@/lib/clauses/editable";
import { AppError } from "@/lib/errors/app-error";
import { sha256Hex } from "@/lib/hash/canonical";
import { parseInput } from "@/lib/validation/fields";
import { EDITABLE_PARTS } from "./draft-sources";

const partInput = z.object({
  communiqueId: z.string().min(1),
  kind: z.enum(EDITABLE_PARTS as [string, ...string[]]),
  lang: z.enum(["ru", "ja"]),
  /** The new text; null goes back to the text generated from the meeting. */
  text: z.string().nullable(),
  baseVersion: z.coerce.number().int().positive(),
});

/** A hand edit of a generated part: from now on it wins over the meeting data (until reset). */
export async function updatePart(actor: Actor | null, input: unknown) {
  const { communiqueId, kind, lang, text: raw, baseVersion } = parseInput(partInput, input);
  const text = raw === null ? null : cleanClauseText(raw);
  return editCommunique(actor, communiqueId, async (tx, who) => {
    const part = await tx.standardPart.findUnique({ where: { communiqueId_kind: { communiqueId, kind } } });
    if (!part) throw new AppError("NOT_FOUND");
    if (part.version !== baseVersion) {
      throw new AppError("EDIT_CONFLICT", {}, {}, { yours: text, lang, theirs: { version: part.version, textRu: part.textRu, textJa: part.textJa } });
    }
    const before = lang === "ru" ? part.textRu : part.textJa;
    const textRu = lang === "ru" ? text : part.textRu;
    const textJa = lang === "ja" ? text : part.textJa;
    const updated = await tx.standardPart.update({
      where: { id: part.id },
      data: {
        textRu,
        textJa,
        editedAt: textRu === null && textJa === null ? null : new Date(),
        version: { increment: 1 },
      },
    });
    await recordEvent(tx, {
      actorUserId: who.userId,
      action: text === null ? "part.reset" : "part.edited",
      subjectType: "Communique",
      subjectId: communiqueId,
      data: { part: kind, lang, before: before === null ? null : sha256Hex(before), after: text === null ? null : sha256Hex(text) },
    });
    return { version: updated.version, textRu: updated.textRu, textJa: updated.textJa };
  });
}
