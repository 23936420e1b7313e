import { excerpt, indent, linkBlock, message, oneLine } from "./compose";
import type { Template } from "./types";

/** To the secretariat: a signatory declined to sign, which stops the signing. */
export const signingDeclined: Template<"signing-declined"> = {
  ru: (i) =>
    message("ru", i.recipientName, `Отказ от подписания коммюнике: ${oneLine(i.meetingTitle)}`, [
      `${oneLine(i.byWhom)} отказывается подписать коммюнике, подписание остановлено:`,
      oneLine(i.meetingTitle),
      "",
      "Причина:",
      indent(excerpt(i.reason)),
      "",
      "Подробности:",
      ...linkBlock("ru", i),
    ]),
  ja: (i) =>
    message("ja", i.recipientName, `【署名辞退】${oneLine(i.meetingTitle)} 共同コミュニケ`, [
      `${oneLine(i.byWhom)}様が「${oneLine(i.meetingTitle)}」共同コミュニケへの署名を辞退されたため、署名手続を停止しましたので、お知らせします。`,
      "",
      "辞退の理由：",
      indent(excerpt(i.reason), "　"),
      "",
      "詳細は、下記のリンクよりご確認ください。",
      ...linkBlock("ja", i),
    ]),
  en: (i) =>
    message("en", i.recipientName, `Signing declined: communiqué of ${oneLine(i.meetingTitle)}`, [
      `${oneLine(i.byWhom)} has declined to sign the communiqué; the signing has been stopped:`,
      oneLine(i.meetingTitle),
      "",
      "Reason:",
      indent(excerpt(i.reason)),
      "",
      "Details:",
      ...linkBlock("en", i),
    ]),
};
