import { accountRequested } from "./account-requested";
import { approvalReminder } from "./approval-reminder";
import { approvalRequested } from "./approval-requested";
import { changesRequested } from "./changes-requested";
import { communiqueApproved } from "./communique-approved";
import { communiqueSigned } from "./communique-signed";
import { revisionChanged } from "./revision-changed";
import { signatureWithdrawn } from "./signature-withdrawn";
import { signingDeclined } from "./signing-declined";
import { signingOpened } from "./signing-opened";
import type { MailInput, MailKind, MailLocale, RenderedMail, Template } from "./types";

export type { MailBase, MailComment, MailInput, MailInputs, MailKind, MailLocale, RenderedMail } from "./types";

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
