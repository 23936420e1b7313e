import { linkBlock, message, oneLine } from "./compose";
import type { Template } from "./types";

/**
 * To the signatories: the approved revision is open for signing. Its hash is in the mail so
 * that a signatory can check that the page they sign shows the very text that was approved.
 */
export const signingOpened: Template<"signing-opened"> = {
  ru: (i) =>
    message("ru", i.recipientName, `Коммюнике готово к подписанию: ${oneLine(i.meetingTitle)}`, [
      "Согласованное коммюнике открыто для подписания:",
      oneLine(i.meetingTitle),
      "",
      "Контрольная сумма подписываемой редакции (SHA-256):",
      oneLine(i.revisionHash),
      "",
      "Пожалуйста, проверьте текст и подпишите его:",
      ...linkBlock("ru", i),
    ]),
  ja: (i) =>
    message("ja", i.recipientName, `【ご署名のお願い】${oneLine(i.meetingTitle)} 共同コミュニケ`, [
      `承認された「${oneLine(i.meetingTitle)}」共同コミュニケの署名受付を開始しましたので、お知らせします。`,
      "",
      "署名対象の版のハッシュ値（SHA-256）：",
      oneLine(i.revisionHash),
      "",
      "お手数ですが、下記のリンクより本文をご確認のうえ、ご署名をお願いいたします。",
      ...linkBlock("ja", i),
    ]),
  en: (i) =>
    message("en", i.recipientName, `Ready for signing: communiqué of ${oneLine(i.meetingTitle)}`, [
      "The approved communiqué of the following meeting is open for signing:",
      oneLine(i.meetingTitle),
      "",
      "Hash of the revision to be signed (SHA-256):",
      oneLine(i.revisionHash),
      "",
      "Please check the text and sign it:",
      ...linkBlock("en", i),
    ]),
};
