import { excerpt, indent, linkBlock, message, oneLine, type Line } from "./compose";
import type { MailComment, MailLocale, Template } from "./types";

// The mail only points to the comments; reading and answering them happens in the app.
const MAX_COMMENTS = 10;

const LANG: Record<MailLocale, Record<string, string>> = {
  ru: { ru: "русский текст", ja: "японский текст" },
  ja: { ru: "ロシア語", ja: "日本語" },
  en: { ru: "Russian", ja: "Japanese" },
};

const MORE: Record<MailLocale, (n: number) => string> = {
  ru: (n) => `…и ещё замечаний: ${n}`,
  ja: (n) => `ほか${n}件のコメント`,
  en: (n) => `…and ${n} more`,
};

function commentLines(locale: MailLocale, comments: MailComment[]): Line[] {
  const withText = comments.filter((c) => excerpt(c.text) !== "");
  const lines: Line[] = [];
  for (const c of withText.slice(0, MAX_COMMENTS)) {
    const lang = LANG[locale][c.lang];
    const label = oneLine(c.blockLabel);
    const where = [label, lang && (locale === "ja" ? `（${lang}）` : `(${lang})`)].filter(Boolean).join(locale === "ja" ? "" : " ");
    const author = oneLine(c.author);
    const head = locale === "ja" ? `・${[where, author && `${author}様`].filter(Boolean).join(" ")}：` : `• ${[where, author].filter(Boolean).join(" — ")}:`;
    lines.push(head, indent(excerpt(c.text), locale === "ja" ? "　" : "  "));
  }
  if (withText.length > MAX_COMMENTS) lines.push(MORE[locale](withText.length - MAX_COMMENTS));
  return lines;
}

/** To the secretariat: a head of delegation asked for changes instead of approving. */
export const changesRequested: Template<"changes-requested"> = {
  ru: (i) =>
    message("ru", i.recipientName, `Запрошены изменения в проекте коммюнике: ${oneLine(i.meetingTitle)}`, [
      `${oneLine(i.byWhom)} просит внести изменения в проект коммюнике:`,
      oneLine(i.meetingTitle),
      "",
      ...(i.comments.length ? ["Замечания:", ...commentLines("ru", i.comments), ""] : []),
      "Подготовьте, пожалуйста, новую редакцию. Ход согласования и все замечания:",
      ...linkBlock("ru", i),
    ]),
  ja: (i) =>
    message("ja", i.recipientName, `【修正のご依頼】${oneLine(i.meetingTitle)} 共同コミュニケ案`, [
      `${oneLine(i.byWhom)}様より、「${oneLine(i.meetingTitle)}」共同コミュニケ案について修正のご依頼がありましたので、お知らせします。`,
      "",
      ...(i.comments.length ? ["コメント：", ...commentLines("ja", i.comments), ""] : []),
      "お手数ですが、下記のリンクより承認状況とコメントをご確認のうえ、修正版のご準備をお願いいたします。",
      ...linkBlock("ja", i),
    ]),
  en: (i) =>
    message("en", i.recipientName, `Changes requested: communiqué of ${oneLine(i.meetingTitle)}`, [
      `${oneLine(i.byWhom)} has requested changes to the draft communiqué of:`,
      oneLine(i.meetingTitle),
      "",
      ...(i.comments.length ? ["Comments:", ...commentLines("en", i.comments), ""] : []),
      "Please prepare a new revision. The approval status and all comments:",
      ...linkBlock("en", i),
    ]),
};
