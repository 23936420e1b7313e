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
  /**
   * Set when the link is a personal sign-in link (it opens the page without a password) and
   * expires at this moment: the message then says so and asks not to forward it.
   */
  personalLinkExpires?: Date;
}

/**
 * The base of the messages that are themselves about a link or a code: they say in their own
 * words how long it lasts, so the personal-link paragraph of MailBase would only repeat it.
 */
export type AccessMailBase = Omit<MailBase, "personalLinkExpires">;

/** What a personal sign-in link opens: the review page, the signing page or the communiqué. */
export type PageKind = "review" | "sign" | "view";

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
  /**
   * To a person an administrator created an account for: the link lets them choose a password.
   * The meeting title is empty when the account is not made for a meeting.
   */
  invitation: AccessMailBase & { byWhom: string; expiresAt: Date };
  /** The meeting title is not used (a password concerns no meeting); pass "". */
  "password-reset": AccessMailBase & { expiresAt: Date };
  /** A fresh sign-in link, asked for from the page of an expired or used one. */
  "sign-in-link": AccessMailBase & { expiresAt: Date; pageKind: PageKind };
  /** The link goes to the signing page; the code (6 digits) is valid `minutes` minutes. */
  "signing-code": AccessMailBase & { code: string; minutes: number };
}

export type MailKind = keyof MailInputs;
export type MailInput<K extends MailKind> = MailInputs[K];

/** One kind of message in the three languages. */
export type Template<K extends MailKind> = Record<MailLocale, (input: MailInput<K>) => RenderedMail>;
