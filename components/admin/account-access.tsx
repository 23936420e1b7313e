import { getTranslations } from "next-intl/server";
import { momentFormatter } from "@/components/ui/format-date";
import type { ActionResult } from "@/lib/actions/action-result";
import { UserActionButton } from "./user-action-button";

type Action = (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;

export interface AccountAccessRow {
  active: boolean;
  hasPassword: boolean;
  invitation: { expiresAt: Date; expired: boolean } | null;
  activeSessions: number;
}

/**
 * How a person gets into their account, as the admin helps them: has a password, waits on an
 * invitation, or has neither; how many sessions are open; and the buttons that apply now.
 */
export async function AccountAccess({ row, actions }: { row: AccountAccessRow; actions: { resend: Action; revoke: Action; signOut: Action } }) {
  const [t, moment] = await Promise.all([getTranslations("admin"), momentFormatter()]);
  const pending = row.invitation !== null && !row.invitation.expired;
  const status = !row.active
    ? t("inactive")
    : row.hasPassword
      ? t("statusActive")
      : pending
        ? t("statusInvited", { date: moment(row.invitation!.expiresAt) })
        : row.invitation
          ? t("statusInvitationExpired")
          : t("statusNoPassword");
  return (
    <>
      <span className={row.active && (row.hasPassword || pending) ? "badge" : "badge badge--warn"}>{status}</span>
      <div className="muted">{t("activeSessions", { count: row.activeSessions })}</div>
      {row.active && !row.hasPassword && (
        <UserActionButton
          action={actions.resend}
          label={t("resendInvitation")}
          pendingLabel={t("sending")}
          successMessage={t("invitationResent")}
          refusals={{ NOT_ALLOWED_NOW: t("resendRefused") }}
        />
      )}
      {pending && (
        <UserActionButton
          action={actions.revoke}
          label={t("revokeInvitation")}
          pendingLabel={t("working")}
          successMessage={t("invitationRevoked")}
          refusals={{ NOT_ALLOWED_NOW: t("revokeRefused") }}
        />
      )}
      {row.activeSessions > 0 && (
        <UserActionButton action={actions.signOut} label={t("signOutEverywhere")} pendingLabel={t("working")} successMessage={t("signedOutEverywhere")} />
      )}
    </>
  );
}
