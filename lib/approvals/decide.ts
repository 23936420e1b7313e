import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { loadCommunique, lockCommunique } from "@/lib/communiques/load-communique";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { deliverSoon } from "@/lib/mail/deliver";
import { revisionContent } from "@/lib/revisions/revision-content";
import { normalizeParagraph } from "@/lib/text/normalize";
import { parseInput } from "@/lib/validation/fields";
import { SERIAL_TX } from "@/lib/db/serial-tx";
import { nextState } from "@/lib/workflow/assert-allowed";
import { blockLabel } from "./change-summary";
import { currentRound } from "./current-round";
import { notify } from "./notify";
import { headsOf, secretariat, signatoriesOf } from "./recipients";

const decideInput = z.object({
  communiqueId: z.string().min(1),
  /** The hash of the revision the decision is about, as shown to the head. */
  revisionHash: z.string().regex(/^[0-9a-f]{64}$/),
  decision: z.enum(["APPROVED", "CHANGES_REQUESTED"]),
  comment: z.string().max(4000, { message: "tooLong" }).optional().transform((v) => (v ? normalizeParagraph(v) : "")),
});

/**
 * A head (or their named deputy) approves or asks for changes, for their own delegation, on
 * exactly the revision they read. Runs under the communiqué's lock: concurrent decisions are
 * serialised, and a second decision for the same delegation and revision is refused.
 */
export async function decide(actor: Actor | null, input: unknown, context: { ip?: string } = {}) {
  const { communiqueId, revisionHash, decision, comment } = parseInput(decideInput, input);
  const summary = await loadCommunique(actor, communiqueId, "approval.decide");
  if (decision === "CHANGES_REQUESTED" && !comment) throw new AppError("VALIDATION", {}, { comment: "required" });

  return db
    .$transaction(async (tx) => {
      const state = await lockCommunique(tx, communiqueId);
      const round = await currentRound(tx, communiqueId);
      if (!round || state !== "IN_APPROVAL") throw new AppError("NOT_ALLOWED_NOW", { state });
      if (round.revision.hash !== revisionHash) {
        throw new AppError("REVISION_SUPERSEDED", { number: round.revision.number }, {}, { link: `/communiques/${communiqueId}/review` });
      }
      const mine = round.steps.flatMap((s, index) =>
        s.members
          .filter((m) => m.delegation.headPersonId === actor!.personId || m.delegation.deputyPersonId === actor!.personId)
          .map((m) => ({ member: m, index })),
      );
      if (mine.length === 0) throw new AppError("FORBIDDEN");
      const pending = mine.filter(({ member }) => !round.decisions.some((d) => d.delegationId === member.delegationId));
      if (pending.length === 0) throw new AppError("ALREADY_DECIDED");
      const now = pending.find(({ index }) => index === round.activeIndex);
      if (!now) throw new AppError("NOT_YOUR_TURN");
      const delegation = now.member.delegation;

      const row = await tx.approval.create({
        data: {
          roundId: round.id,
          revisionId: round.revision.id,
          revisionHash,
          delegationId: delegation.id,
          actorUserId: actor!.userId,
          onBehalfOfPersonId: delegation.headPersonId,
          decision,
          comment: comment || null,
          ip: (context.ip ?? "").slice(0, 100),
        },
      });
      await recordEvent(tx, {
        actorUserId: actor!.userId,
        action: decision === "APPROVED" ? "approval.approved" : "approval.changes-requested",
        subjectType: "Communique",
        subjectId: communiqueId,
        data: { round: round.id, revisionHash, delegation: delegation.id, onBehalfOf: delegation.headPersonId, asDeputy: delegation.headPersonId !== actor!.personId },
      });
      await tx.reviewView.upsert({
        where: { userId_communiqueId: { userId: actor!.userId, communiqueId } },
        create: { userId: actor!.userId, communiqueId, revisionId: round.revision.id },
        update: { revisionId: round.revision.id, seenAt: new Date() },
      });

      const content = await revisionContent(tx, round.revision.id);
      const review = `/communiques/${communiqueId}/review`;
      const board = `/communiques/${communiqueId}/status`;
      if (decision === "CHANGES_REQUESTED") {
        await tx.communique.update({ where: { id: communiqueId }, data: { status: nextState(state, "REQUEST_CHANGES") } });
        await tx.approvalRound.update({ where: { id: round.id }, data: { closedAt: new Date() } });
        const comments = await tx.comment.findMany({ where: { communiqueId, revisionId: round.revision.id }, include: { author: true }, orderBy: { createdAt: "asc" } });
        const who = await tx.person.findUnique({ where: { id: actor!.personId! } });
        // The mail leads straight to the comments, which the board lists with their text.
        await notify(tx, await secretariat(tx), "changes-requested", content, `${board}#comments`, (r) => ({
          byWhom: who ? (r.locale === "ja" ? who.nameJa : who.nameRu) : actor!.displayName,
          comments: [
            { blockLabel: "—", lang: "", text: comment, author: actor!.displayName },
            ...comments.map((c) => ({ blockLabel: blockLabel(content, c.blockId, r.locale), lang: c.lang, text: c.body, author: c.author.displayName })),
          ],
        }));
        return { id: row.id, state: "CHANGES_REQUESTED" as const };
      }
      const approved = new Set([...round.decisions.filter((d) => d.decision === "APPROVED").map((d) => d.delegationId), delegation.id]);
      const stepDone = round.steps[round.activeIndex]!.members.every((m) => approved.has(m.delegationId));
      if (!stepDone) return { id: row.id, state: "IN_APPROVAL" as const };
      const nextStep = round.steps[round.activeIndex + 1];
      if (nextStep) {
        await notify(tx, await headsOf(tx, nextStep.members.map((m) => m.delegationId)), "approval-requested", content, review, () => ({
          stepInfo: { step: round.activeIndex + 2, of: round.steps.length },
        }));
        return { id: row.id, state: "IN_APPROVAL" as const };
      }
      await tx.communique.update({ where: { id: communiqueId }, data: { status: nextState(state, "APPROVE_ALL"), approvedRevisionId: round.revision.id } });
      await tx.approvalRound.update({ where: { id: round.id }, data: { closedAt: new Date() } });
      await recordEvent(tx, { actorUserId: actor!.userId, action: "communique.approved", subjectType: "Communique", subjectId: communiqueId, data: { round: round.id, revisionHash } });
      await notify(tx, [...(await secretariat(tx)), ...(await signatoriesOf(tx, summary.meetingId))], "communique-approved", content, `/communiques/${communiqueId}`, () => ({}));
      return { id: row.id, state: "APPROVED" as const };
    }, SERIAL_TX)
    .catch((error: unknown) => {
      if ((error as { code?: string })?.code === "P2002") throw new AppError("ALREADY_DECIDED");
      throw error;
    })
    .finally(deliverSoon);
}
