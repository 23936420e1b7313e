import { formatMoment, linkLine, message } from "./compose";
import type { Template } from "./types";

/**
 * To the owner of an account, after someone asked to reset its password on the sign-in page.
 * That someone may not be the owner, so the mail says nothing changes unless the link is used.
 */
export const passwordReset: Template<"password-reset"> = {
  ru: (i) =>
    message("ru", i.recipientName, "Сброс пароля в системе совместных коммюнике", [
      "Поступил запрос на сброс пароля вашей учётной записи в системе совместных коммюнике встреч мэров.",
      "",
      "Задать новый пароль можно по ссылке:",
      linkLine(i.link),
      "",
      `Ссылка срабатывает один раз и действует до ${formatMoment("ru", i.expiresAt)}.`,
      "Если вы не запрашивали сброс, просто оставьте это письмо без внимания: пароль останется прежним.",
    ]),
  ja: (i) =>
    message("ja", i.recipientName, "【パスワード再設定のご案内】市長会議 共同コミュニケシステム", [
      "市長会議の共同コミュニケシステムにて、パスワード再設定のお申し込みを受け付けましたので、お知らせします。",
      "",
      "お手数ですが、下記のリンクより新しいパスワードの設定をお願いいたします。",
      linkLine(i.link),
      "",
      `このリンクのご利用は1回限りで、有効期限は${formatMoment("ja", i.expiresAt)}です。`,
      "お心当たりのない場合は、恐れ入りますが本メールを破棄してください。パスワードは変更されません。",
    ]),
  en: (i) =>
    message("en", i.recipientName, "Password reset for the communiqué system", [
      "Someone asked to reset the password of your account in the system for the joint communiqués of the meetings of mayors.",
      "",
      "To choose a new password, open this link:",
      linkLine(i.link),
      "",
      `The link works once, until ${formatMoment("en", i.expiresAt)}.`,
      "If it was not you, ignore this e-mail: your password stays unchanged.",
    ]),
};
