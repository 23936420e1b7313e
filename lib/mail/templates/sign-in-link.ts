import { linkBlock, message, oneLine } from "./compose";
import type { MailLocale, PageKind, Template } from "./types";

// What the link opens, fitted to the sentence that names it.
const PAGE: Record<MailLocale, Record<PageKind, string>> = {
  ru: { review: "страница согласования коммюнике", sign: "страница подписания коммюнике", view: "коммюнике" },
  ja: { review: "承認ページ", sign: "署名ページ", view: "本文" },
  en: { review: "review page of the communiqué", sign: "signing page of the communiqué", view: "communiqué" },
};

/**
 * A fresh personal sign-in link, asked for on the page an expired or used one led to. The
 * paragraph about personal links (how long, do not forward) is the one workflow mails carry.
 */
export const signInLink: Template<"sign-in-link"> = {
  ru: (i) =>
    message("ru", i.recipientName, `Новая ссылка для входа: ${oneLine(i.meetingTitle)}`, [
      "Вы запросили новую ссылку для входа: прежняя истекла или уже была использована.",
      `По ней откроется ${PAGE.ru[i.pageKind]} встречи:`,
      oneLine(i.meetingTitle),
      "",
      ...linkBlock("ru", { link: i.link, personalLinkExpires: i.expiresAt }),
      "",
      "Если вы не запрашивали ссылку, просто оставьте это письмо без внимания.",
    ]),
  ja: (i) =>
    message("ja", i.recipientName, `【ログイン用リンクのご案内】${oneLine(i.meetingTitle)} 共同コミュニケ`, [
      "新しいログイン用リンクのお申し込みを受け付けましたので、お知らせします。以前のリンクは、有効期限切れまたは使用済みとなっております。",
      "",
      `下記のリンクより、「${oneLine(i.meetingTitle)}」共同コミュニケの${PAGE.ja[i.pageKind]}を開いて、ご確認ください。`,
      ...linkBlock("ja", { link: i.link, personalLinkExpires: i.expiresAt }),
      "",
      "お心当たりのない場合は、恐れ入りますが本メールを破棄してください。",
    ]),
  en: (i) =>
    message("en", i.recipientName, `Your new sign-in link: communiqué of ${oneLine(i.meetingTitle)}`, [
      "You asked for a new sign-in link, as the previous one had expired or had already been used.",
      `It opens the ${PAGE.en[i.pageKind]} of the following meeting:`,
      oneLine(i.meetingTitle),
      "",
      ...linkBlock("en", { link: i.link, personalLinkExpires: i.expiresAt }),
      "",
      "If you did not ask for it, you can simply ignore this e-mail.",
    ]),
};
