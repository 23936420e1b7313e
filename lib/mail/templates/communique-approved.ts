import { linkBlock, message, oneLine } from "./compose";
import type { Template } from "./types";

/** To the secretariat and the signatories: every step of the route has approved. */
export const communiqueApproved: Template<"communique-approved"> = {
  ru: (i) =>
    message("ru", i.recipientName, `Коммюнике согласовано: ${oneLine(i.meetingTitle)}`, [
      "Проект коммюнике согласован всеми делегациями:",
      oneLine(i.meetingTitle),
      "",
      "Следующий шаг — подписание. Согласованный текст:",
      ...linkBlock("ru", i),
    ]),
  ja: (i) =>
    message("ja", i.recipientName, `【承認完了】${oneLine(i.meetingTitle)} 共同コミュニケ`, [
      `「${oneLine(i.meetingTitle)}」共同コミュニケ案が、すべての代表団により承認されましたので、お知らせします。`,
      "今後、署名の手続に移ります。",
      "",
      "承認された本文は、下記のリンクよりご確認ください。",
      ...linkBlock("ja", i),
    ]),
  en: (i) =>
    message("en", i.recipientName, `Communiqué approved: ${oneLine(i.meetingTitle)}`, [
      "The draft communiqué of the following meeting has been approved by every delegation:",
      oneLine(i.meetingTitle),
      "",
      "The next step is signing. The approved text:",
      ...linkBlock("en", i),
    ]),
};
