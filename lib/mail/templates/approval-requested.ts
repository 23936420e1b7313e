import { linkBlock, message, oneLine } from "./compose";
import type { Template } from "./types";

/** To the heads of the delegations of the open step: a revision waits for their decision. */
export const approvalRequested: Template<"approval-requested"> = {
  ru: (i) =>
    message("ru", i.recipientName, `Просьба согласовать проект коммюнике: ${oneLine(i.meetingTitle)}`, [
      "Вам направлен на согласование проект коммюнике:",
      oneLine(i.meetingTitle),
      "",
      i.stepInfo && `Этап согласования: ${i.stepInfo.step} из ${i.stepInfo.of}.`,
      "Пожалуйста, ознакомьтесь с текстом и согласуйте его или запросите изменения:",
      ...linkBlock("ru", i),
    ]),
  ja: (i) =>
    message("ja", i.recipientName, `【承認のお願い】${oneLine(i.meetingTitle)} 共同コミュニケ案`, [
      `「${oneLine(i.meetingTitle)}」共同コミュニケ案の承認手続を開始しましたので、お知らせします。`,
      i.stepInfo && `（承認手続：全${i.stepInfo.of}段階中、第${i.stepInfo.step}段階）`,
      "",
      "お手数ですが、下記のリンクより内容をご確認のうえ、承認または修正のご依頼をお願いいたします。",
      ...linkBlock("ja", i),
    ]),
  en: (i) =>
    message("en", i.recipientName, `Approval requested: communiqué of ${oneLine(i.meetingTitle)}`, [
      "The draft communiqué of the following meeting has been sent to you for approval:",
      oneLine(i.meetingTitle),
      "",
      i.stepInfo && `Approval step ${i.stepInfo.step} of ${i.stepInfo.of}.`,
      "Please review the text and approve it or request changes:",
      ...linkBlock("en", i),
    ]),
};
