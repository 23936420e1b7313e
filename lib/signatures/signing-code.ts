import type { Actor } from "@/lib/auth/actor";
import { issueCode, revokeTokens, secretMatches, TOKEN_LIFETIME_MS } from "@/lib/auth/access-tokens";
import { maskEmail } from "@/lib/auth/request-fresh-link";
import { recordEvent } from "@/lib/audit/record-event";
import { meetingTitleFor } from "@/lib/approvals/notify";
import { loadCommunique } from "@/lib/communiques/load-communique";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { appUrl } from "@/lib/mail/app-url";
import { deliverSoon } from "@/lib/mail/deliver";
import { queueMail } from "@/lib/mail/queue-mail";
import { renderMail } from "@/lib/mail/templates";
import { takeShared } from "@/lib/rate-limit/shared-window";
import type { RevisionPayload } from "@/lib/revisions/revision-payload";
import { nextState } from "@/lib/workflow/assert-allowed";

export const CODE_ATTEMPTS = 5;
export const CODES_PER_HOUR = 5;
export const CODE_MINUTES = TOKEN_LIFETIME_MS.SIGNING_CODE / 60_000;

/**
 * Mails a six-digit code that confirms the signatory at signing (for people without a
 * password, or who prefer it). A new code replaces the one before; at most five an hour.
 */
export async function requestSigningCode(actor: Actor | null, communiqueId: string): Promise<{ sentTo: string; minutes: number }> {
  const communique = await loadCommunique(actor, communiqueId, "signing.sign");
  nextState(communique.status, "SIGN");
  const signs = await db.signatory.count({ where: { meetingId: communique.meetingId, personId: actor!.personId ?? "" } });
  if (signs === 0) throw new AppError("FORBIDDEN");
  const wait = await takeShared(`signing-code:${actor!.userId}`, CODES_PER_HOUR, 60 * 60 * 1000);
  if (wait > 0) throw new AppError("RATE_LIMITED", { minutes: wait });
  const revision = await db.revision.findUniqueOrThrow({ where: { id: communique.approvedRevisionId! }, select: { content: true } });
  const content = (revision.content as unknown as RevisionPayload).content;
  await db
    .$transaction(async (tx) => {
      await revokeTokens(tx, { userId: actor!.userId, kind: "SIGNING_CODE", communiqueId });
      const { code } = await issueCode(tx, { kind: "SIGNING_CODE", userId: actor!.userId, communiqueId });
      const mail = renderMail("signing-code", actor!.locale, {
        recipientName: actor!.displayName,
        meetingTitle: meetingTitleFor(content, actor!.locale),
        link: appUrl(`/communiques/${communiqueId}/sign`),
        code,
        minutes: CODE_MINUTES,
      });
      await queueMail(tx, { to: actor!.email, kind: "signing-code", locale: actor!.locale, ...mail });
    })
    .finally(deliverSoon);
  return { sentTo: maskEmail(actor!.email), minutes: CODE_MINUTES };
}

/**
 * Checks a signing code: the latest one mailed to this person for this communiqué, before it
 * expires, with at most five wrong entries (then a new code is needed). Returns the code's row
 * id, to be used up by `useSigningCode` in the signing transaction.
 */
export async function checkSigningCode(actor: Actor, communiqueId: string, code: string, now = new Date()): Promise<string> {
  const row = await db.accessToken.findFirst({
    where: { kind: "SIGNING_CODE", userId: actor.userId, communiqueId, usedAt: null, revokedAt: null },
    orderBy: { createdAt: "desc" },
  });
  if (!row || row.expiresAt <= now) throw new AppError("CODE_EXPIRED");
  if (row.attempts >= CODE_ATTEMPTS) throw new AppError("CODE_LOCKED");
  if (secretMatches(row.id, code, row.secretHash)) return row.id;
  // Counted in the database, atomically: parallel guesses cannot get past five.
  const counted = await db.accessToken.updateManyAndReturn({
    where: { id: row.id, attempts: { lt: CODE_ATTEMPTS } },
    data: { attempts: { increment: 1 } },
    select: { attempts: true },
  });
  const attempts = counted[0]?.attempts ?? CODE_ATTEMPTS;
  if (attempts >= CODE_ATTEMPTS) {
    await db.$transaction((tx) =>
      recordEvent(tx, { actorUserId: actor.userId, action: "signing.code_locked", subjectType: "Communique", subjectId: communiqueId, data: { token: row.id } }),
    );
    throw new AppError("CODE_LOCKED");
  }
  throw new AppError("WRONG_CODE", { left: CODE_ATTEMPTS - attempts });
}

/** Uses the checked code up inside the signing transaction: of two signings with one code, one wins. */
export async function useSigningCode(tx: Tx, tokenId: string, now = new Date()): Promise<void> {
  const { count } = await tx.accessToken.updateMany({ where: { id: tokenId, usedAt: null, revokedAt: null }, data: { usedAt: now } });
  if (count !== 1) throw new AppError("CODE_EXPIRED");
}
