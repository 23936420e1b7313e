import { formatMoment, linkLine, message, oneLine } from "./compose";
import type { Template } from "./types";

/**
 * To a person an administrator created an account for. Until they follow the link the account
 * has no password, so the link is the only way in: it says who sent it and how long it lasts.
 */
export const invitation: Template<"invitation"> = {
  ru: (i) =>
    message("ru", i.recipientName, ["Приглашение в систему совместных коммюнике встреч мэров", oneLine(i.meetingTitle)].filter(Boolean).join(": "), [
      `${oneLine(i.byWhom)} приглашает вас в систему совместных коммюнике встреч мэров: для вас создана учётная запись.`,
      i.meetingTitle && `Для встречи: ${oneLine(i.meetingTitle)}`,
      "",
      "Чтобы начать работу, задайте свой пароль по ссылке:",
      linkLine(i.link),
      "",
      `Ссылка персональная, срабатывает один раз и действует до ${formatMoment("ru", i.expiresAt)}.`,
      "Если вы не ожидали этого письма, просто оставьте его без внимания.",
    ]),
  ja: (i) =>
    message("ja", i.recipientName, ["【ご招待】市長会議 共同コミュニケシステム", i.meetingTitle && `（${oneLine(i.meetingTitle)}）`].filter(Boolean).join(""), [
      `${oneLine(i.byWhom)}様より、市長会議の共同コミュニケシステムへのご招待が届きましたので、お知らせします。ご利用のためのアカウントは、すでに作成されています。`,
      i.meetingTitle && `対象の会議：${oneLine(i.meetingTitle)}`,
      "",
      "お手数ですが、下記のリンクよりご自身でパスワードを設定のうえ、ご利用を開始していただきますようお願いいたします。",
      linkLine(i.link),
      "",
      `このリンクはご本人専用で、ご利用は1回限りです。有効期限は${formatMoment("ja", i.expiresAt)}です。`,
      "お心当たりのない場合は、恐れ入りますが本メールを破棄してください。",
    ]),
  en: (i) =>
    message("en", i.recipientName, ["Invitation to the communiqué system of the meetings of mayors", oneLine(i.meetingTitle)].filter(Boolean).join(": "), [
      `${oneLine(i.byWhom)} has invited you to the system for the joint communiqués of the meetings of mayors and created an account for you.`,
      i.meetingTitle && `For the meeting: ${oneLine(i.meetingTitle)}`,
      "",
      "To start, choose your own password here:",
      linkLine(i.link),
      "",
      `The link is personal, works once and expires on ${formatMoment("en", i.expiresAt)}.`,
      "If you did not expect this e-mail, you can simply ignore it.",
    ]),
};
