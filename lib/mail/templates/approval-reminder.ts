import { formatDay, linkBlock, message, oneLine } from "./compose";
import type { Template } from "./types";

/** To the heads who have not decided yet, sent by the secretariat or automatically. */
export const approvalReminder: Template<"approval-reminder"> = {
  ru: (i) =>
    message("ru", i.recipientName, `Напоминание: проект коммюнике ждёт вашего решения — ${oneLine(i.meetingTitle)}`, [
      `Напоминаем, что с ${formatDay("ru", i.since)} ваше решение ожидает проект коммюнике:`,
      oneLine(i.meetingTitle),
      "",
      "Пожалуйста, согласуйте текст или запросите изменения:",
      ...linkBlock("ru", i),
    ]),
  ja: (i) =>
    message("ja", i.recipientName, `【再送・承認のお願い】${oneLine(i.meetingTitle)} 共同コミュニケ案`, [
      `${formatDay("ja", i.since)}より承認をお願いしております「${oneLine(i.meetingTitle)}」共同コミュニケ案について、まだご判断をいただいておりませんので、改めてお知らせします。`,
      "",
      "ご多忙のところ恐れ入りますが、下記のリンクより内容をご確認のうえ、ご判断をお願いいたします。",
      ...linkBlock("ja", i),
    ]),
  en: (i) =>
    message("en", i.recipientName, `Reminder: communiqué awaiting your decision — ${oneLine(i.meetingTitle)}`, [
      `This is a reminder that the draft communiqué of the following meeting has been awaiting your decision since ${formatDay("en", i.since)}:`,
      oneLine(i.meetingTitle),
      "",
      "Please approve the text or request changes:",
      ...linkBlock("en", i),
    ]),
};
