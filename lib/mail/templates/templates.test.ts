import { describe, expect, it } from "vitest";
import { MAIL_KINDS, isMailKind, renderMail, type MailInputs, type MailKind, type MailLocale } from ".";
import { formatMoment } from "./compose";

const LINK = "https://communique.example/communiques/c1/review";
const TITLE: Record<MailLocale, string> = {
  ru: "XXVII Встреча мэров городов Сибири и Дальнего Востока РФ и мэров городов Западного побережья Японии",
  ja: "第27回日ロ沿岸市長会議",
  en: "XXVII Meeting of Mayors",
};
const NAME: Record<MailLocale, string> = { ru: "Калита В. С.", ja: "中原八一", en: "Valentin Kalita" };
const EXPIRES = new Date("2026-12-09T15:37:42Z");
const MOMENT: Record<MailLocale, string> = { ru: "9 декабря 2026 г., 15:37 (UTC)", ja: "2026年12月9日 15:37（UTC）", en: "9 December 2026, 15:37 (UTC)" };
const CODE = "042917";

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
    invitation: { ...base, byWhom: { ru: "Иванова Т. Н.", ja: "事務局", en: "T. N. Ivanova" }[locale], expiresAt: EXPIRES },
    "password-reset": { ...base, meetingTitle: "", expiresAt: EXPIRES },
    "sign-in-link": { ...base, expiresAt: EXPIRES, pageKind: "sign" },
    "signing-code": { ...base, code: CODE, minutes: 10 },
  };
}

const render = <K extends MailKind>(kind: K, locale: MailLocale, all: MailInputs) => renderMail(kind, locale, all[kind]);

const CYRILLIC = /[А-Яа-яЁё]/;
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const LOCALES: MailLocale[] = ["ru", "ja", "en"];

/** Kinds that concern no meeting: their subject and text carry no meeting title. */
const NO_MEETING: MailKind[] = ["password-reset"];
/** Kinds whose link only sets a password: there is no document to check (ご確認). */
const PASSWORD_ONLY: MailKind[] = ["invitation", "password-reset"];
/** Kinds that tell how long their own link or code lasts, and so take no personalLinkExpires. */
const OWN_EXPIRY: MailKind[] = ["invitation", "password-reset", "sign-in-link", "signing-code"];

/** The personal-link paragraph, recognised by words each language's version must have. */
const PERSONAL: Record<MailLocale, RegExp> = {
  ru: /^Ссылка персональная: она открывает страницу без пароля, срабатывает один раз и действует до (.+)\. .*запросить по электронной почте.*не пересылайте это письмо\.$/,
  ja: /^このリンクはご本人専用で、パスワードを入力せずにページを開くことができます。ご利用は1回限りで、有効期限は(.+)です。.*新しいリンクをメールにてお申し込みいただけます。本メールは転送なさらないようお願いいたします。$/,
  en: /^This link is personal: it opens the page without a password and works once, until (.+)\. After that, the page lets you ask for a fresh link by e-mail\. Please do not forward this e-mail\.$/,
};

/** Every string in an input (names, titles, comments…): what the caller, not the template, wrote. */
function dataStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value && typeof value === "object" && !(value instanceof Date)) return Object.values(value).flatMap(dataStrings);
  return [];
}

describe("renderMail", () => {
  it("has a template for each of the fourteen kinds", () => {
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
      "invitation",
      "password-reset",
      "sign-in-link",
      "signing-code",
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
        if (NO_MEETING.includes(kind)) {
          expect(text).not.toContain(TITLE[locale]);
        } else {
          expect(text).toContain(TITLE[locale]);
          expect(subject).toContain(TITLE[locale]);
        }
        if (locale === "ru") {
          expect(subject).toMatch(CYRILLIC);
          expect(text).toMatch(/^Здравствуйте, Калита В\. С\.!/);
          // As in the UI messages: no Latin words in Russian, apart from the data given.
          const own = dataStrings(inputs("ru")[kind]).reduce((t, d) => (d ? t.split(d).join(" ") : t), subject + "\n" + text);
          expect(own).not.toMatch(/[A-Za-z]{4,}/);
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
      expect(text, kind).toContain(PASSWORD_ONLY.includes(kind) ? "お願いいたします" : "ご確認");
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

  it("formats a moment in UTC, saying so, in each language", () => {
    for (const locale of LOCALES) expect(formatMoment(locale, EXPIRES)).toBe(MOMENT[locale]);
    // Just after midnight in Tokyo is still the day before in UTC: the day follows UTC too.
    expect(formatMoment("ja", new Date("2026-12-09T20:05:00+09:00"))).toBe("2026年12月9日 11:05（UTC）");
    expect(formatMoment("en", new Date("2026-12-10T00:30:00+09:00"))).toBe("9 December 2026, 15:30 (UTC)");
    expect(formatMoment("ru", new Date("2026-01-02T03:04:00Z"))).toBe("2 января 2026 г., 03:04 (UTC)");
  });
});

describe("the personal-link paragraph", () => {
  const WITH_LINK_NOTE = MAIL_KINDS.filter((k) => !OWN_EXPIRY.includes(k));

  it("is offered by every kind but those that speak of their own link or code", () => {
    expect(WITH_LINK_NOTE).toHaveLength(10);
    // @ts-expect-error a sign-in link says how long it lasts in its own words
    renderMail("sign-in-link", "en", { ...inputs("en")["sign-in-link"], personalLinkExpires: EXPIRES });
    // @ts-expect-error nor does the signing code
    renderMail("signing-code", "en", { ...inputs("en")["signing-code"], personalLinkExpires: EXPIRES });
  });

  for (const kind of WITH_LINK_NOTE) {
    it(`${kind}: follows the link when set, with the moment in UTC, and is absent otherwise`, () => {
      for (const locale of LOCALES) {
        const all = inputs(locale);
        const plain = render(kind, locale, all);
        const personal = renderMail(kind, locale, { ...all[kind], personalLinkExpires: EXPIRES } as MailInputs[typeof kind]);
        const lines = personal.text.split("\n");
        const at = lines.indexOf(LINK);
        expect(lines[at + 1]).toBe("");
        expect(lines[at + 2]).toMatch(PERSONAL[locale]);
        expect(PERSONAL[locale].exec(lines[at + 2]!)![1]).toBe(MOMENT[locale]);
        // Nothing else changes, and without the field there is no trace of it.
        expect(personal.subject).toBe(plain.subject);
        expect([...lines.slice(0, at + 1), ...lines.slice(at + 3)].join("\n")).toBe(plain.text.split("\n").join("\n"));
        expect(plain.text).not.toMatch(/персональн|ご本人専用|personal/);
        expect(plain.text).not.toContain(MOMENT[locale]);
      }
    });
  }
});

describe("the access messages", () => {
  it("signing-code: the code alone on its line, never in the subject, with its validity and the warnings", () => {
    const said: Record<MailLocale, string[]> = {
      ru: ["Код действует 10 минут.", "Никому его не сообщайте", "секретариат никогда не просит назвать код"],
      ja: ["有効期限は10分間です。", "決してほかの方にお伝えにならないでください", "事務局からコードをお尋ねすることはありません"],
      en: ["The code is valid for 10 minutes.", "Never give it to anyone", "the secretariat will never ask you for it"],
    };
    for (const locale of LOCALES) {
      const { subject, text } = render("signing-code", locale, inputs(locale));
      expect(text.split("\n").filter((l) => l.includes(CODE))).toEqual([CODE]);
      const lines = text.split("\n");
      const at = lines.indexOf(CODE);
      expect([lines[at - 1], lines[at + 1]]).toEqual(["", ""]);
      expect(subject).not.toMatch(/\d{6}/);
      expect(subject).not.toContain(CODE);
      for (const part of said[locale]) expect(text).toContain(part);
    }
    expect(renderMail("signing-code", "ru", { ...inputs("ru")["signing-code"], minutes: 1 }).text).toContain("Код действует 1 минуту.");
    expect(renderMail("signing-code", "ru", { ...inputs("ru")["signing-code"], minutes: 3 }).text).toContain("Код действует 3 минуты.");
    expect(renderMail("signing-code", "en", { ...inputs("en")["signing-code"], minutes: 1 }).text).toContain("valid for 1 minute.");
  });

  it("invitation: who invites, the link to choose a password, once, until when, and that it may be ignored", () => {
    const said: Record<MailLocale, string[]> = {
      ru: ["Иванова Т. Н. приглашает вас в систему совместных коммюнике встреч мэров", "задайте свой пароль по ссылке:", `Ссылка персональная, срабатывает один раз и действует до ${MOMENT.ru}.`, "Если вы не ожидали этого письма"],
      ja: ["事務局様より、市長会議の共同コミュニケシステムへのご招待", "パスワードを設定", `このリンクはご本人専用で、ご利用は1回限りです。有効期限は${MOMENT.ja}です。`, "お心当たりのない場合は"],
      en: ["T. N. Ivanova has invited you to the system for the joint communiqués of the meetings of mayors", "choose your own password", `The link is personal, works once and expires on ${MOMENT.en}.`, "If you did not expect this e-mail, you can simply ignore it."],
    };
    for (const locale of LOCALES) {
      const { text } = render("invitation", locale, inputs(locale));
      for (const part of said[locale]) expect(text).toContain(part);
      // Without a meeting: no meeting line, no empty brackets or dangling colon in the subject.
      const bare = renderMail("invitation", locale, { ...inputs(locale).invitation, meetingTitle: "" });
      expect(bare.text).not.toMatch(/Для встречи|対象の会議|For the meeting/);
      expect(bare.subject).not.toMatch(/[:：（(]\s*[)）]?$/);
      expect(bare.text.split("\n")).toContain(LINK);
    }
  });

  it("password-reset: once, until when, and that nothing changes if it was not them", () => {
    const said: Record<MailLocale, string[]> = {
      ru: [`Ссылка срабатывает один раз и действует до ${MOMENT.ru}.`, "пароль останется прежним"],
      ja: [`このリンクのご利用は1回限りで、有効期限は${MOMENT.ja}です。`, "パスワードは変更されません"],
      en: [`The link works once, until ${MOMENT.en}.`, "If it was not you, ignore this e-mail: your password stays unchanged."],
    };
    for (const locale of LOCALES) {
      const { text } = render("password-reset", locale, inputs(locale));
      for (const part of said[locale]) expect(text).toContain(part);
    }
  });

  it("sign-in-link: names the page it opens and carries the personal-link paragraph with its expiry", () => {
    const pages: Record<MailLocale, Record<"review" | "sign" | "view", string>> = {
      ru: { review: "По ней откроется страница согласования коммюнике встречи:", sign: "По ней откроется страница подписания коммюнике встречи:", view: "По ней откроется коммюнике встречи:" },
      ja: { review: "共同コミュニケの承認ページを開いて", sign: "共同コミュニケの署名ページを開いて", view: "共同コミュニケの本文を開いて" },
      en: { review: "It opens the review page of the communiqué", sign: "It opens the signing page of the communiqué", view: "It opens the communiqué of" },
    };
    for (const locale of LOCALES) {
      for (const pageKind of ["review", "sign", "view"] as const) {
        const { text } = renderMail("sign-in-link", locale, { ...inputs(locale)["sign-in-link"], pageKind });
        expect(text).toContain(pages[locale][pageKind]);
        const lines = text.split("\n");
        const at = lines.indexOf(LINK);
        expect(PERSONAL[locale].exec(lines[at + 2] ?? "")?.[1]).toBe(MOMENT[locale]);
      }
    }
  });
});
