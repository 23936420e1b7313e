import { z } from "zod";
import { recordEvent } from "@/lib/audit/record-event";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { appUrl } from "@/lib/mail/app-url";
import { deliverSoon } from "@/lib/mail/deliver";
import { queueMail } from "@/lib/mail/queue-mail";
import { renderMail } from "@/lib/mail/templates";
import { takeShared } from "@/lib/rate-limit/shared-window";
import { parseInput } from "@/lib/validation/fields";
import { emailInput } from "@/lib/users/user-input";
import { issueLinkToken } from "./access-tokens";

const HOUR = 60 * 60 * 1000;
export const RESETS_PER_ADDRESS_PER_HOUR = 5;
export const RESETS_PER_ACCOUNT_PER_HOUR = 3;

/**
 * "Forgot your password?": mails a single-use link valid one hour to an active account. The
 * caller answers the same whether or not the account exists; only the address's own limit is
 * told (it says nothing about any account). A deactivated account gets nothing, and an audit
 * event says someone tried.
 */
export async function requestPasswordReset(input: unknown, ip: string): Promise<void> {
  const { email } = parseInput(z.object({ email: emailInput }), input);
  const wait = await takeShared(`reset-address:${ip}`, RESETS_PER_ADDRESS_PER_HOUR, HOUR);
  if (wait > 0) throw new AppError("RATE_LIMITED", { minutes: wait });
  const user = await db.user.findUnique({ where: { email }, select: { id: true, active: true, displayName: true, locale: true, email: true } });
  if (!user) return;
  // Over the account's limit the mail is simply not sent: saying so would tell that it exists.
  if ((await takeShared(`reset-account:${user.id}`, RESETS_PER_ACCOUNT_PER_HOUR, HOUR)) > 0) return;
  await db
    .$transaction(async (tx) => {
      if (!user.active) {
        await recordEvent(tx, { actorUserId: null, action: "password.reset_refused", subjectType: "User", subjectId: user.id, data: { reason: "inactive", ip } });
        return;
      }
      const { token, expiresAt } = await issueLinkToken(tx, { kind: "PASSWORD_RESET", userId: user.id });
      const mail = renderMail("password-reset", user.locale, {
        recipientName: user.displayName,
        meetingTitle: "",
        link: appUrl(`/reset-password/${token}`),
        expiresAt,
      });
      await queueMail(tx, { to: user.email, kind: "password-reset", locale: user.locale, ...mail });
      await recordEvent(tx, { actorUserId: null, action: "password.reset_requested", subjectType: "User", subjectId: user.id, data: { ip } });
    })
    .finally(deliverSoon);
}
