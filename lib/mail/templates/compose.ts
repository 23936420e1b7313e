import type { MailBase, MailLocale, RenderedMail } from "./types";

/** A line of a message; false, null and undefined leave the line out (for optional parts). */
export type Line = string | false | null | undefined;

/** Names, titles and labels come from user data: one line each, so they cannot break a header or the layout. */
export function oneLine(value: string | null | undefined): string {
  return (value ?? "").replace(/\s+/g, " ").trim();
}

/** Long free text (a comment, a reason) is cut: the full text is in the app, behind the link. */
export function excerpt(value: string | null | undefined, max = 500): string {
  const text = (value ?? "").replace(/\r\n?/g, "\n").replace(/\n{3,}/g, "\n\n").trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** Indents every line of a block of free text, so that it reads as a quotation. */
export function indent(text: string, prefix = "  "): string {
  return text
    .split("\n")
    .map((line) => (line ? prefix + line : line))
    .join("\n");
}

const GREETING: Record<MailLocale, (name: string) => string> = {
  // Russian has no gender-neutral "Уважаемый"; a plain greeting is polite and always right.
  ru: (name) => (name ? `Здравствуйте, ${name}!` : "Здравствуйте!"),
  ja: (name) => (name ? `${name}様\n\nいつもお世話になっております。` : "いつもお世話になっております。"),
  en: (name) => (name ? `Dear ${name},` : "Hello,"),
};

const FOOTER: Record<MailLocale, string> = {
  ru: "Это письмо отправлено автоматически, отвечать на него не нужно.",
  ja: "※本メールはシステムから自動送信しています。ご返信いただいてもお答えできませんので、ご了承ください。",
  en: "This message was sent automatically; please do not reply to it.",
};

/**
 * A whole message: the greeting, the body lines and the footer. Runs of empty lines are
 * collapsed, so optional parts that are left out leave no gaps.
 */
export function message(locale: MailLocale, recipientName: string, subject: string, body: Line[]): RenderedMail {
  const lines = [GREETING[locale](oneLine(recipientName)), "", ...body.filter((l): l is string => typeof l === "string"), "", "—", FOOTER[locale]];
  const text = lines
    .join("\n")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { subject: oneLine(subject), text: `${text}\n` };
}

/** The link always stands alone on its line, with nothing glued to it, so mail clients make it clickable. */
export function linkLine(link: string): string {
  return oneLine(link);
}

const PERSONAL_LINK: Record<MailLocale, (until: string) => string> = {
  ru: (until) =>
    `Ссылка персональная: она открывает страницу без пароля, срабатывает один раз и действует до ${until}. ` +
    "После этого новую ссылку можно запросить по электронной почте на той же странице. Пожалуйста, не пересылайте это письмо.",
  ja: (until) =>
    `このリンクはご本人専用で、パスワードを入力せずにページを開くことができます。ご利用は1回限りで、有効期限は${until}です。` +
    "ご利用後や有効期限が過ぎた後は、ページ上で新しいリンクをメールにてお申し込みいただけます。本メールは転送なさらないようお願いいたします。",
  en: (until) =>
    `This link is personal: it opens the page without a password and works once, until ${until}. ` +
    "After that, the page lets you ask for a fresh link by e-mail. Please do not forward this e-mail.",
};

/**
 * The link on its line and, when it is a personal sign-in link, right after it what the
 * recipient must know: whoever holds this mail can open the page as them, so it is not to be
 * forwarded, and an expired link is not a dead end.
 */
export function linkBlock(locale: MailLocale, input: Pick<MailBase, "link" | "personalLinkExpires">): Line[] {
  const line = linkLine(input.link);
  if (!input.personalLinkExpires) return [line];
  return [line, "", PERSONAL_LINK[locale](formatMoment(locale, input.personalLinkExpires))];
}

const DATE_LOCALE: Record<MailLocale, string> = { ru: "ru-RU", ja: "ja-JP", en: "en-GB" };

/**
 * A calendar day in the recipient's style ("12 марта 2026 г.", "2026年3月12日", "12 March 2026").
 * Days are read in UTC, as the app stores them, so "2026-03-12" stays the 12th everywhere.
 */
export function formatDay(locale: MailLocale, value: Date | string): string {
  const date = typeof value === "string" ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value) : value;
  if (Number.isNaN(date.getTime())) return oneLine(String(value));
  return new Intl.DateTimeFormat(DATE_LOCALE[locale], { dateStyle: "long", timeZone: "UTC" }).format(date);
}

const MOMENT: Record<MailLocale, (day: string, time: string) => string> = {
  ru: (day, time) => `${day}, ${time} (UTC)`,
  ja: (day, time) => `${day} ${time}（UTC）`,
  en: (day, time) => `${day}, ${time} (UTC)`,
};

/**
 * A moment (when a link or a code expires) with its time zone named: the readers live from
 * Siberia to Japan, and a bare "15:37" would be read in each one's own zone. Built from the
 * day and the time rather than with timeStyle, whose joiner ("в", "at", ",") differs between
 * ICU versions.
 */
export function formatMoment(locale: MailLocale, date: Date): string {
  const time = new Intl.DateTimeFormat(DATE_LOCALE[locale], { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" }).format(date);
  return MOMENT[locale](formatDay(locale, date), time);
}
