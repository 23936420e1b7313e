import { linkBlock, message, oneLine } from "./compose";
import type { Template } from "./types";

/** "Name — meeting", or the name alone when the request names no meeting. */
const about = (person: string, meeting: string) => [oneLine(person), oneLine(meeting)].filter(Boolean).join(" — ");

/** To the administrators: the secretariat asks for an account for a person of the directory. */
export const accountRequested: Template<"account-requested"> = {
  ru: (i) =>
    message("ru", i.recipientName, `Запрос учётной записи: ${about(i.personName, i.meetingTitle)}`, [
      `${oneLine(i.byWhom)} просит создать учётную запись:`,
      `${oneLine(i.personName)}, ${oneLine(i.personEmail)}`,
      i.meetingTitle && `Для встречи: ${oneLine(i.meetingTitle)}`,
      "",
      "Создать её можно на странице пользователей:",
      ...linkBlock("ru", i),
    ]),
  ja: (i) =>
    message("ja", i.recipientName, `【アカウント作成依頼】${about(i.personName, i.meetingTitle)}`, [
      `${oneLine(i.byWhom)}様から、次の方のアカウント作成の依頼がありましたので、お知らせします。`,
      `${oneLine(i.personName)}（${oneLine(i.personEmail)}）`,
      i.meetingTitle && `対象の会議：${oneLine(i.meetingTitle)}`,
      "",
      "下記のユーザー管理ページにてご確認の上、作成してください。",
      ...linkBlock("ja", i),
    ]),
  en: (i) =>
    message("en", i.recipientName, `Account requested: ${about(i.personName, i.meetingTitle)}`, [
      `${oneLine(i.byWhom)} asks for an account for:`,
      `${oneLine(i.personName)}, ${oneLine(i.personEmail)}`,
      i.meetingTitle && `For the meeting: ${oneLine(i.meetingTitle)}`,
      "",
      "It can be created on the users page:",
      ...linkBlock("en", i),
    ]),
};
