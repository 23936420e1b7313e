import { accountRequested } from "./account-requested";
import { approvalReminder } from "./approval-reminder";
import { approvalRequested } from "./approval-requested";
import { changesRequested } from "./changes-requested";
import { communiqueApproved } from "./communique-approved";
import { communiqueSigned } from "./communique-signed";
import { invitation } from "./invitation";
import { passwordReset } from "./password-reset";
import { revisionChanged } from "./revision-changed";
import { signInLink } from "./sign-in-link";
import { signatureWithdrawn } from "./signature-withdrawn";
import { signingCode } from "./signing-code";
import { signingDeclined } from "./signing-declined";
import { signingOpened } from "./signing-opened";
import type { MailInput, MailKind, MailLocale, RenderedMail, Template } from "./types";

export type { AccessMailBase, MailBase, MailComment, MailInput, MailInputs, MailKind, MailLocale, PageKind, RenderedMail } from "./types";

// The mapped type makes a missing or mistyped template a compile error.
const TEMPLATES: { [K in MailKind]: Template<K> } = {
  "approval-requested": approvalRequested,
  "approval-reminder": approvalReminder,
  "revision-changed": revisionChanged,
  "communique-approved": communiqueApproved,
  "changes-requested": changesRequested,
  "signing-opened": signingOpened,
  "signing-declined": signingDeclined,
  "signature-withdrawn": signatureWithdrawn,
  "communique-signed": communiqueSigned,
  "account-requested": accountRequested,
  invitation,
  "password-reset": passwordReset,
  "sign-in-link": signInLink,
  "signing-code": signingCode,
};

export const MAIL_KINDS = Object.keys(TEMPLATES) as MailKind[];

export function isMailKind(value: unknown): value is MailKind {
  return typeof value === "string" && Object.hasOwn(TEMPLATES, value);
}

/** The subject and plain text of a message of this kind, in the recipient's language. */
export function renderMail<K extends MailKind>(kind: K, locale: MailLocale, input: MailInput<K>): RenderedMail {
  const template: Template<K> = TEMPLATES[kind];
  return template[locale](input);
}
