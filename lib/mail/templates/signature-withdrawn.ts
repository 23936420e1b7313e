import { excerpt, indent, linkBlock, message, oneLine } from "./compose";
import type { Template } from "./types";

/**
 * To a signatory: the secretariat withdrew their signature (the final PDF could not be made
 * with it, say) and asks them to sign again.
 */
export const signatureWithdrawn: Template<"signature-withdrawn"> = {
  ru: (i) =>
    message("ru", i.recipientName, `Просьба подписать коммюнике повторно: ${oneLine(i.meetingTitle)}`, [
      "Секретариат отозвал вашу подпись под коммюнике и просит подписать его ещё раз:",
      oneLine(i.meetingTitle),
      "",
      "Причина:",
      indent(excerpt(i.reason)),
      "",
      "Подписать повторно:",
      ...linkBlock("ru", i),
    ]),
  ja: (i) =>
    message("ja", i.recipientName, `【再署名のお願い】${oneLine(i.meetingTitle)} 共同コミュニケ`, [
      `「${oneLine(i.meetingTitle)}」共同コミュニケへのご署名を事務局にて取り消しましたので、お知らせします。`,
      "",
      "理由：",
      indent(excerpt(i.reason), "　"),
      "",
      "お手数ですが、下記のリンクより内容をご確認のうえ、改めてご署名をお願いいたします。",
      ...linkBlock("ja", i),
    ]),
  en: (i) =>
    message("en", i.recipientName, `Please sign again: communiqué of ${oneLine(i.meetingTitle)}`, [
      "The secretariat has withdrawn your signature of the communiqué and asks you to sign it again:",
      oneLine(i.meetingTitle),
      "",
      "Reason:",
      indent(excerpt(i.reason)),
      "",
      "Sign again:",
      ...linkBlock("en", i),
    ]),
};
