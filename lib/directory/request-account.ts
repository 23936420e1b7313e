import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { appUrl } from "@/lib/mail/app-url";
import { deliverSoon } from "@/lib/mail/deliver";
import { queueMail } from "@/lib/mail/queue-mail";
import { renderMail } from "@/lib/mail/templates";
import { parseInput } from "@/lib/validation/fields";

const requestInput = z.object({
  personId: z.string().min(1),
  meetingId: z.string().trim().optional().transform((v) => v || null),
});

/**
 * Asks the administrators, by e-mail in each one's language, to make an account for a person
 * of the directory (accounts are theirs to make). Only for someone with an e-mail address and
 * no account yet; the request names the meeting that needs them, when there is one.
 */
export async function requestAccount(actor: Actor | null, input: unknown): Promise<{ notified: number }> {
  assertCan(actor, "directory.edit");
  const { personId, meetingId } = parseInput(requestInput, input);
  return db
    .$transaction(async (tx) => {
      const person = await tx.person.findUnique({ where: { id: personId }, include: { user: true } });
      if (!person) throw new AppError("NOT_FOUND");
      if (!person.email || person.user) throw new AppError("ACCOUNT_NOT_REQUESTABLE");
      const meeting = meetingId ? await tx.meeting.findUnique({ where: { id: meetingId } }) : null;
      if (meetingId && !meeting) throw new AppError("NOT_FOUND");
      const admins = await tx.user.findMany({ where: { role: "ADMIN", active: true } });
      for (const admin of admins) {
        const meetingTitle = meeting ? (admin.locale === "ja" ? `第${meeting.number}回${meeting.nameJa}` : `${meeting.ordinal} ${meeting.nameRu}`) : "";
        const mail = renderMail("account-requested", admin.locale, {
          recipientName: admin.displayName,
          meetingTitle,
          link: appUrl("/admin/users"),
          personName: admin.locale === "ja" ? person.nameJa : person.nameRu,
          personEmail: person.email,
          byWhom: actor.displayName,
        });
        await queueMail(tx, { to: admin.email, kind: "account-requested", locale: admin.locale, ...mail });
      }
      await recordEvent(tx, {
        actorUserId: actor.userId,
        action: "person.account-requested",
        subjectType: "Person",
        subjectId: person.id,
        data: { meeting: meeting?.id ?? null, notified: admins.map((a) => a.id) },
      });
      return { notified: admins.length };
    })
    .finally(deliverSoon);
}
