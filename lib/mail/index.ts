export { appUrl } from "./app-url";
export { deliverPending, deliverSoon, deliveriesSettled, MAX_ATTEMPTS, SMTP_NOT_CONFIGURED, type DeliveryCounts } from "./deliver";
export { listOutbox, type OutboxRow } from "./list-outbox";
export { queueMail, type MailMessage } from "./queue-mail";
export { MAIL_KINDS, isMailKind, renderMail } from "./templates";
export type { AccessMailBase, MailBase, MailComment, MailInput, MailInputs, MailKind, MailLocale, PageKind, RenderedMail } from "./templates";
export { closeMailTransport } from "./transport";
