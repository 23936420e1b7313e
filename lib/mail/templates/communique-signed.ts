import { linkBlock, message, oneLine } from "./compose";
import type { Template } from "./types";

/**
 * To everyone involved: all signatures are in and the final PDF exists. Its SHA-256 lets
 * anyone holding a copy check that it is the signed original.
 */
export const communiqueSigned: Template<"communique-signed"> = {
  ru: (i) =>
    message("ru", i.recipientName, `Коммюнике подписано: ${oneLine(i.meetingTitle)}`, [
      "Коммюнике подписано всеми подписантами:",
      oneLine(i.meetingTitle),
      "",
      "Контрольная сумма итогового PDF (SHA-256):",
      oneLine(i.sha256),
      "",
      "Подписанный документ:",
      ...linkBlock("ru", i),
    ]),
  ja: (i) =>
    message("ja", i.recipientName, `【署名完了】${oneLine(i.meetingTitle)} 共同コミュニケ`, [
      `「${oneLine(i.meetingTitle)}」共同コミュニケへの署名がすべて完了しましたので、お知らせします。`,
      "",
      "署名済みPDFのハッシュ値（SHA-256）：",
      oneLine(i.sha256),
      "",
      "署名済みの文書は、下記のリンクよりご確認ください。",
      ...linkBlock("ja", i),
    ]),
  en: (i) =>
    message("en", i.recipientName, `Communiqué signed: ${oneLine(i.meetingTitle)}`, [
      "The communiqué of the following meeting has been signed by all signatories:",
      oneLine(i.meetingTitle),
      "",
      "SHA-256 of the final PDF:",
      oneLine(i.sha256),
      "",
      "The signed document:",
      ...linkBlock("en", i),
    ]),
};
