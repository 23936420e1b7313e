/** The languages a message can be written in: the recipient's own (User.locale). */
export type MailLocale = "ru" | "ja" | "en";

export interface RenderedMail {
  subject: string;
  text: string;
}

/**
 * What every message needs. The meeting title comes already in the recipient's language,
 * and the link is absolute (built with appUrl), since a mail is read outside the app.
 */
export interface MailBase {
  recipientName: string;
  meetingTitle: string;
  link: string;
}

/** A comment the secretariat is told about when a head of delegation asks for changes. */
export interface MailComment {
  /** Where the comment is anchored ("Пункт 3", "Преамбула", …). */
  blockLabel: string;
  /** The language of the commented text ("ru" or "ja"); empty for a general remark. */
  lang: string;
  text: string;
  author: string;
}

/** The input of each kind of message. */
export interface MailInputs {
  "approval-requested": MailBase & {
    /** Set when the route has several steps: which one is open now. */
    stepInfo?: { step: number; of: number };
  };
  "approval-reminder": MailBase & {
    /** When the approval was requested: a Date or a calendar day ("2026-03-12"). */
    since: Date | string;
  };
  "revision-changed": MailBase & {
    revisionNumber: number;
    /** How many blocks changed. */
    changedClauses: number;
    /** One line per change, already in the recipient's language ("Пункт 3 изменён"). */
    summary: string[];
  };
  "communique-approved": MailBase;
  "changes-requested": MailBase & { byWhom: string; comments: MailComment[] };
  "signing-opened": MailBase & { revisionHash: string };
  "signing-declined": MailBase & { byWhom: string; reason: string };
  /** To the signatory whose signature the secretariat withdrew, asking them to sign again. */
  "signature-withdrawn": MailBase & { reason: string };
  "communique-signed": MailBase & { sha256: string };
  /** The meeting title is empty when the request names no meeting. */
  "account-requested": MailBase & { personName: string; personEmail: string; byWhom: string };
}

export type MailKind = keyof MailInputs;
export type MailInput<K extends MailKind> = MailInputs[K];

/** One kind of message in the three languages. */
export type Template<K extends MailKind> = Record<MailLocale, (input: MailInput<K>) => RenderedMail>;
