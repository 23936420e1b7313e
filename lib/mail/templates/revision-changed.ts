import { linkBlock, message, oneLine, type Line } from "./compose";
import type { MailLocale, Template } from "./types";

// A long list would bury the link; the full comparison is in the app.
const MAX_SUMMARY_LINES = 15;

const MORE: Record<MailLocale, (n: number) => string> = {
  ru: (n) => `• …и ещё изменений: ${n}`,
  ja: (n) => `・ほか${n}件`,
  en: (n) => `• …and ${n} more`,
};

function summaryLines(locale: MailLocale, summary: string[]): Line[] {
  const bullet = locale === "ja" ? "・" : "• ";
  const lines = summary.map(oneLine).filter(Boolean);
  const shown = lines.slice(0, MAX_SUMMARY_LINES).map((l) => bullet + l);
  if (lines.length > shown.length) shown.push(MORE[locale](lines.length - shown.length));
  return shown;
}

/** To every head of the route: the text changed after submission and goes round again. */
export const revisionChanged: Template<"revision-changed"> = {
  ru: (i) =>
    message("ru", i.recipientName, `Коммюнике изменено (редакция № ${i.revisionNumber}): ${oneLine(i.meetingTitle)}`, [
      `В проект коммюнике внесены изменения, на согласование направлена редакция № ${i.revisionNumber}:`,
      oneLine(i.meetingTitle),
      "",
      `Изменённых фрагментов: ${i.changedClauses}.`,
      ...summaryLines("ru", i.summary),
      "",
      "Решения по прежней редакции больше не действуют. Пожалуйста, ознакомьтесь с изменениями и примите решение заново:",
      ...linkBlock("ru", i),
    ]),
  ja: (i) =>
    message("ja", i.recipientName, `【修正のお知らせ】${oneLine(i.meetingTitle)} 共同コミュニケ案（第${i.revisionNumber}版）`, [
      `「${oneLine(i.meetingTitle)}」共同コミュニケ案が修正され、第${i.revisionNumber}版として改めて承認手続に回されましたので、お知らせします。`,
      "",
      `変更箇所：${i.changedClauses}件`,
      ...summaryLines("ja", i.summary),
      "",
      "以前の版に対するご判断は無効となりました。お手数ですが、下記のリンクより変更内容をご確認のうえ、改めてご判断をお願いいたします。",
      ...linkBlock("ja", i),
    ]),
  en: (i) =>
    message("en", i.recipientName, `Communiqué revised (revision ${i.revisionNumber}): ${oneLine(i.meetingTitle)}`, [
      `The draft communiqué of the following meeting has been changed; revision ${i.revisionNumber} is now up for approval:`,
      oneLine(i.meetingTitle),
      "",
      `${i.changedClauses} ${i.changedClauses === 1 ? "part" : "parts"} changed.`,
      ...summaryLines("en", i.summary),
      "",
      "Decisions on the earlier revision no longer apply. Please review the changes and decide again:",
      ...linkBlock("en", i),
    ]),
};
