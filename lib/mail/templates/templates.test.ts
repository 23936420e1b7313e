import { describe, expect, it } from "vitest";
import { MAIL_KINDS, isMailKind, renderMail, type MailInputs, type MailKind, type MailLocale } from ".";

const LINK = "https://communique.example/communiques/c1/review";
const TITLE: Record<MailLocale, string> = {
  ru: "XXVII Встреча мэров городов Сибири и Дальнего Востока РФ и мэров городов Западного побережья Японии",
  ja: "第27回日ロ沿岸市長会議",
  en: "XXVII Meeting of Mayors",
};
const NAME: Record<MailLocale, string> = { ru: "Калита В. С.", ja: "中原八一", en: "Valentin Kalita" };

/** A full input of every kind, in the recipient's language where the caller provides text. */
function inputs(locale: MailLocale): MailInputs {
  const base = { recipientName: NAME[locale], meetingTitle: TITLE[locale], link: LINK };
  const summary = { ru: ["Пункт 3 изменён", "Пункт 5 добавлен"], ja: ["第3項 変更", "第5項 追加"], en: ["Clause 3 changed", "Clause 5 added"] }[locale];
  return {
    "approval-requested": { ...base, stepInfo: { step: 2, of: 3 } },
    "approval-reminder": { ...base, since: "2026-03-12" },
    "revision-changed": { ...base, revisionNumber: 4, changedClauses: 2, summary },
    "communique-approved": base,
    "changes-requested": {
      ...base,
      byWhom: "Nakahara Yaichi",
      comments:
        locale === "en"
          ? [
              { blockLabel: "Clause 3", lang: "ru", text: "Please clarify.", author: "Kalita" },
              { blockLabel: "Clause 3", lang: "ja", text: "Please fix the wording.", author: "Nakahara" },
            ]
          : [
              { blockLabel: "Пункт 3", lang: "ru", text: "Уточнить формулировку.\nВторая строка.", author: "Kalita" },
              { blockLabel: "第3項", lang: "ja", text: "表現を修正してください。", author: "Nakahara" },
            ],
    },
    "signing-opened": { ...base, revisionHash: "a".repeat(64) },
    "signing-declined": { ...base, byWhom: "Matsuda Shigeto", reason: "The date of signing is wrong." },
    "signature-withdrawn": { ...base, reason: "The seal image cannot be placed in the document." },
    "communique-signed": { ...base, sha256: "b".repeat(64) },
    "account-requested": { ...base, personName: { ru: "Шестаков К. В.", ja: "K・V・シェスタコフ", en: "K. V. Shestakov" }[locale], personEmail: "shestakov@vladivostok.example", byWhom: { ru: "Секретариат", ja: "事務局", en: "Secretariat" }[locale] },
  };
}

const render = <K extends MailKind>(kind: K, locale: MailLocale, all: MailInputs) => renderMail(kind, locale, all[kind]);

const CYRILLIC = /[А-Яа-яЁё]/;
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const LOCALES: MailLocale[] = ["ru", "ja", "en"];

describe("renderMail", () => {
  it("has a template for each of the ten kinds", () => {
    expect(MAIL_KINDS).toEqual([
      "approval-requested",
      "approval-reminder",
      "revision-changed",
      "communique-approved",
      "changes-requested",
      "signing-opened",
      "signing-declined",
      "signature-withdrawn",
      "communique-signed",
      "account-requested",
    ]);
    expect(isMailKind("signing-opened")).toBe(true);
    expect(isMailKind("toString")).toBe(false);
  });

  for (const kind of MAIL_KINDS) {
    for (const locale of LOCALES) {
      it(`${kind} in ${locale}: a one-line subject, a polite text, the link on its own line`, () => {
        const { subject, text } = render(kind, locale, inputs(locale));
        expect(subject.trim()).not.toBe("");
        expect(subject).not.toMatch(/[\r\n]/);
        expect(text.trim().length).toBeGreaterThan(40);
        for (const part of [subject, text]) {
          expect(part).not.toMatch(/undefined|null|NaN|\[object|«»|「」|\$\{/);
        }
        expect(text.split("\n")).toContain(LINK);
        expect(text).toContain(NAME[locale]);
        expect(text).toContain(TITLE[locale]);
        expect(subject).toContain(TITLE[locale]);
        if (locale === "ru") {
          expect(subject).toMatch(CYRILLIC);
          expect(text).toMatch(/^Здравствуйте, Калита В\. С\.!/);
        }
        if (locale === "ja") {
          expect(subject).toMatch(JAPANESE);
          expect(text).toMatch(/^中原八一様\n/);
          expect(text).toContain("お知らせします");
          expect(text).toMatch(/ご確認|お願いいたします/);
        }
        if (locale === "en") {
          // English mail: only the data given (all Latin here) could bring in another script.
          expect(subject + text).not.toMatch(CYRILLIC);
          expect(subject + text).not.toMatch(JAPANESE);
          expect(text).toMatch(/^Dear Valentin Kalita,/);
        }
        // Short: the details are in the app, behind the link.
        expect(text.split("\n").length).toBeLessThan(30);
      });
    }
  }

  it("Japanese messages use business style and end with the automatic-mail note", () => {
    for (const kind of MAIL_KINDS) {
      const { text } = render(kind, "ja", inputs("ja"));
      expect(text).toMatch(/様\n\nいつもお世話になっております。/);
      expect(text).toContain("ご確認");
      expect(text.trimEnd().endsWith("ご了承ください。")).toBe(true);
    }
  });

  it("puts the kind's own data in the text", () => {
    const ru = inputs("ru");
    expect(render("approval-requested", "ru", ru).text).toContain("Этап согласования: 2 из 3.");
    expect(render("approval-requested", "ja", inputs("ja")).text).toContain("全3段階中、第2段階");
    expect(render("approval-reminder", "ru", ru).text).toContain("12 марта 2026 г.");
    expect(render("approval-reminder", "ja", inputs("ja")).text).toContain("2026年3月12日");
    expect(render("approval-reminder", "en", inputs("en")).text).toContain("12 March 2026");
    const changed = render("revision-changed", "ru", ru);
    expect(changed.subject).toContain("№ 4");
    expect(changed.text).toContain("• Пункт 3 изменён\n• Пункт 5 добавлен");
    expect(render("revision-changed", "ja", inputs("ja")).text).toContain("変更箇所：2件\n・第3項 変更");
    const comments = render("changes-requested", "ru", ru).text;
    expect(comments).toContain("Nakahara Yaichi просит внести изменения");
    expect(comments).toContain("• Пункт 3 (русский текст) — Kalita:\n  Уточнить формулировку.\n  Вторая строка.");
    expect(comments).toContain("• 第3項 (японский текст) — Nakahara:\n  表現を修正してください。");
    expect(render("changes-requested", "ja", inputs("ja")).text).toContain("・Пункт 3（ロシア語） Kalita様：");
    expect(render("signing-opened", "en", inputs("en")).text.split("\n")).toContain("a".repeat(64));
    expect(render("communique-signed", "ja", inputs("ja")).text.split("\n")).toContain("b".repeat(64));
    expect(render("signing-declined", "en", inputs("en")).text).toContain("Reason:\n  The date of signing is wrong.");
  });

  it("leaves out optional and empty parts without leaving gaps or placeholders", () => {
    const ru = inputs("ru");
    const plain = renderMail("approval-requested", "ru", { recipientName: "Иванова Т.Н.", meetingTitle: TITLE.ru, link: LINK });
    expect(plain.text).not.toContain("Этап");
    expect(plain.text).not.toMatch(/\n\n\n/);
    const general = renderMail("changes-requested", "en", {
      ...ru["changes-requested"],
      comments: [
        { blockLabel: "—", lang: "", text: "Please shorten the preamble.", author: "Nakahara" },
        { blockLabel: "Пункт 1", lang: "ru", text: "   ", author: "Kalita" },
      ],
    });
    expect(general.text).toContain("• — — Nakahara:\n  Please shorten the preamble.");
    expect(general.text).not.toContain("Пункт 1");
    const none = renderMail("changes-requested", "ja", { ...inputs("ja")["changes-requested"], comments: [] });
    expect(none.text).not.toContain("コメント：");
  });

  it("keeps user data on one line in the subject and cuts long lists and texts", () => {
    const ru = inputs("ru");
    const tricky = renderMail("communique-approved", "ru", { ...ru["communique-approved"], meetingTitle: "Встреча\r\nBcc: evil@example.com" });
    expect(tricky.subject).toBe("Коммюнике согласовано: Встреча Bcc: evil@example.com");
    const many = renderMail("revision-changed", "en", {
      ...inputs("en")["revision-changed"],
      changedClauses: 40,
      summary: Array.from({ length: 40 }, (_, i) => `Clause ${i + 1} changed`),
    });
    expect(many.text).toContain("40 parts changed.");
    expect(many.text).toContain("• …and 25 more");
    expect(many.text).not.toContain("Clause 16 changed");
    const long = renderMail("signing-declined", "ru", { ...ru["signing-declined"], reason: "x".repeat(2000) });
    expect(long.text).toContain(`${"x".repeat(499)}…`);
    expect(long.text).not.toContain("x".repeat(500));
  });
});
