import { linkLine, message, oneLine } from "./compose";
import type { Template } from "./types";

// Russian counts in three forms; "действует 1 минуту / 2 минуты / 10 минут".
const RU_MINUTES: Record<string, string> = { one: "минуту", few: "минуты", many: "минут", other: "минуты" };
const ruMinutes = (n: number) => `${n} ${RU_MINUTES[new Intl.PluralRules("ru").select(n)]}`;

/**
 * The confirmation code a signatory asked for on the signing page. The code stands alone on
 * its line, easy to find and copy (the HTML part shows such a line large); the subject never
 * holds it, since phones show subjects on the lock screen. The warning against passing it on is
 * there because the code is all a signature needs besides the signed-in session.
 */
export const signingCode: Template<"signing-code"> = {
  ru: (i) =>
    message("ru", i.recipientName, `Код подтверждения подписи: ${oneLine(i.meetingTitle)}`, [
      "Код для подтверждения вашей подписи под коммюнике встречи:",
      oneLine(i.meetingTitle),
      "",
      oneLine(i.code),
      "",
      `Код действует ${ruMinutes(i.minutes)}. Никому его не сообщайте: секретариат никогда не просит назвать код.`,
      "",
      "Введите его на странице подписания:",
      linkLine(i.link),
    ]),
  ja: (i) =>
    message("ja", i.recipientName, `【署名用確認コード】${oneLine(i.meetingTitle)} 共同コミュニケ`, [
      `「${oneLine(i.meetingTitle)}」共同コミュニケへのご署名に必要な確認コードをお知らせします。`,
      "",
      oneLine(i.code),
      "",
      `このコードの有効期限は${i.minutes}分間です。確認コードは、決してほかの方にお伝えにならないでください。事務局からコードをお尋ねすることはありません。`,
      "",
      "下記の署名ページにて内容をご確認のうえ、コードをご入力ください。",
      linkLine(i.link),
    ]),
  en: (i) =>
    message("en", i.recipientName, `Confirmation code for signing: communiqué of ${oneLine(i.meetingTitle)}`, [
      "Your code to confirm your signature of the communiqué of the following meeting:",
      oneLine(i.meetingTitle),
      "",
      oneLine(i.code),
      "",
      `The code is valid for ${i.minutes} ${i.minutes === 1 ? "minute" : "minutes"}. Never give it to anyone: the secretariat will never ask you for it.`,
      "",
      "Enter it on the signing page:",
      linkLine(i.link),
    ]),
};
