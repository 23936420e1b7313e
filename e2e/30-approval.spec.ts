import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./fixtures/a11y";
import { expectJapaneseGlyphs } from "./fixtures/fonts";
import { clauseRow, openCommunique, waitSaved } from "./fixtures/communique";
import { ACCOUNTS } from "./fixtures/data";
import { clearMailbox, linkIn, mailTo } from "./fixtures/mailbox";
import { tabTo } from "./fixtures/keyboard";
import { signInAndWait } from "./fixtures/sign-in";
import { shot } from "./fixtures/screenshot";

const HEADS = [
  { email: "ivanova@khabarovsk.example", ui: "ru" },
  { email: "kalita@blagoveshchensk.example", ui: "ru" },
  { email: "gladkikh@nakhodka.example", ui: "ru" },
  { email: "ivanenko@petropavlovsk-kamchatsky.example", ui: "ru" },
  { email: "nakahara@niigata.example", ui: "ja" },
  { email: "tatami@maizuru.example", ui: "ja" },
  { email: "matsuda@kanazawa.example", ui: "ja" },
  { email: "honda@toyama.example", ui: "ja" },
] as const;

/** Honda has no password in the journeys (prepare-server): he works from his e-mails alone. */
const NO_PASSWORD = new Set<string>(["honda@toyama.example"]);

/**
 * A head follows the link of their e-mail. Signed in already, the link goes straight to the
 * review page; signed out, its page opens the review with one click and no password.
 */
async function openFromMail(page: Page, email: string, subject: RegExp, how: "password" | "link" = NO_PASSWORD.has(email) ? "link" : "password") {
  const mail = await mailTo(email, subject);
  if (how === "password") await signInAndWait(page, email);
  await page.goto(linkIn(mail));
  if (how === "link") {
    await expect(page).toHaveURL(/\/l\/[a-z0-9]+\.[\w-]{43}$/);
    await expect(page.locator("input[type=password]")).toHaveCount(0);
    await page.getByRole("button", { name: /^(Открыть документ|文書を開く)$/ }).click();
  }
  await expect(page.getByTestId("revision")).toBeVisible();
}

async function decide(page: Page, approve: RegExp) {
  await page.getByRole("button", { name: approve }).click();
  await expect(page.locator("main p[role=status]")).toBeVisible();
}

test.describe.serial("approval by the heads of delegations", () => {
  test.use({ locale: "ru-RU" });

  test("the secretariat clears the flags and submits to all heads in parallel; mails arrive in each head's language", async ({ page }) => {
    await clearMailbox();
    await signInAndWait(page, ACCOUNTS.secretariat);
    await openCommunique(page);
    const checked = page.getByRole("button", { name: "Перевод проверен" });
    while ((await checked.count()) > 0) {
      const before = await checked.count();
      await checked.first().click();
      await expect(checked).toHaveCount(before - 1);
    }
    await expect(page.getByTestId("stale-count")).toHaveText("Все переводы согласованы");
    await page.getByRole("button", { name: "Отправить на согласование" }).click();
    // Nothing is sent before the secretariat has seen the route and who will be mailed.
    const confirm = page.getByTestId("submit-confirm");
    await expect(confirm.getByRole("heading")).toHaveText("Проверьте маршрут перед отправкой");
    await expect(confirm).toContainText("Калита В. С. <kalita@blagoveshchensk.example>");
    await expect(confirm).toContainText("Иванова Т.Н. <ivanova@khabarovsk.example>");
    await confirm.getByRole("button", { name: "Отмена" }).click();
    await expect(confirm).toHaveCount(0);
    await page.getByRole("button", { name: "Отправить на согласование" }).click();
    await confirm.getByRole("button", { name: "Отправить 9 адресатам" }).click();
    await expect(page.locator("main p[role=status]")).toHaveText("Коммюнике отправлено на согласование.");
    const ru = await mailTo("kalita@blagoveshchensk.example", /коммюнике/i);
    expect(ru.text).toContain("Калита");
    const ja = await mailTo("nakahara@niigata.example", /コミュニケ/);
    expect(ja.text).toContain("様");
    await mailTo("ivanova@khabarovsk.example", /коммюнике/i);
  });

  test("a head approves in Russian straight from the e-mail, typing no password; another head's decision for a delegation not theirs is impossible", async ({ page }) => {
    // Someone else is signed in in this browser: the link's page says so, and signs them out.
    await signInAndWait(page, ACCOUNTS.secretariat);
    await page.goto(linkIn(await mailTo("kalita@blagoveshchensk.example", /коммюнике/i)));
    await expect(page.locator("main [role=status]")).toHaveText(/^Сейчас здесь выполнен вход как Секретариат Ассоциации\./);
    await openFromMail(page, "kalita@blagoveshchensk.example", /коммюнике/i, "link");
    await expect(page.locator("header .user-name")).toHaveText("Калита В. С.");
    // The link's session reads and decides on this communiqué only.
    await expect(page.locator(".link-session")).toContainText("доступен только этот документ");
    await expect(page.getByTestId("changes-note")).toContainText("Вы видите этот текст впервые.");
    // The Japanese column in the Russian UI: bold and regular lines drawn with a Japanese face.
    const ja = '.parallel__cell[lang="ja"]';
    await expectJapaneseGlyphs(page, [`${ja} .parallel__title`, `${ja} .parallel__meeting`, `${ja} .parallel__group`, `${ja} .parallel__people td`]);
    await shot(page, "review-ru-desktop");
    // Each "Comment" button names its block and language for a screen reader.
    await expect(page.getByRole("button", { name: "Комментировать: Пункт 2 (RU)", exact: true })).toHaveCount(1);
    await expect(page.getByRole("button", { name: "Комментировать: Преамбула (JA)", exact: true })).toHaveCount(1);
    await decide(page, /^Согласовать$/);
    await expect(page.locator("main p[role=status]")).toContainText("согласовано");
    await expect(page.getByRole("button", { name: /^Согласовать$/ })).toHaveCount(0);
    // Anywhere else, the link's session leads back to its document.
    await page.goto("/");
    await expect(page).toHaveURL(/\/communiques\/[^/]+\/review$/);
    // Its reader may read it in another language (this browser's choice; the account is left as it is).
    await page.getByLabel("Язык интерфейса").selectOption("ja");
    await expect(page.locator("h1")).toHaveText("共同コミュニケの承認");
    await page.getByLabel("表示言語").selectOption("ru");
    await expect(page.locator("h1")).toHaveText("Согласование коммюнике");
  });

  test("a Japanese head comments on a clause and requests changes; the secretariat is told with the comments", async ({ page }, testInfo) => {
    await openFromMail(page, "nakahara@niigata.example", /コミュニケ/);
    await clearMailbox();
    await expect(page.locator("h1")).toHaveText("共同コミュニケの承認");
    const clause = page.locator(".review__row[data-block^='clause-']").nth(1);
    await clause.locator(".parallel__cell[lang=ja]").getByRole("button", { name: "コメント: 第2項 (JA)" }).click();
    await clause.locator(".parallel__cell[lang=ja] textarea").fill("「港湾機能」の前に「参加都市の」を補ってください。");
    await clause.locator(".parallel__cell[lang=ja]").getByRole("button", { name: "送信" }).click();
    await expect(clause.locator(".comment__body")).toHaveText("「港湾機能」の前に「参加都市の」を補ってください。");
    // A reply with the keyboard alone. After sending, the focus is back on the thread's button;
    // Escape closes a form, keeps what was typed, and gives the focus back to its button.
    const cell = clause.locator(".parallel__cell[lang=ja]");
    const replyButton = cell.getByRole("button", { name: "返信" });
    await expect(cell.getByRole("button", { name: "コメント: 第2項 (JA)" })).toBeFocused();
    await page.keyboard.press("Shift+Tab");
    await expect(replyButton).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(cell.locator("textarea")).toBeFocused();
    await page.keyboard.type("各都市と");
    await page.keyboard.press("Escape");
    await expect(cell.locator("textarea")).toHaveCount(0);
    await expect(replyButton).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(cell.locator("textarea")).toHaveValue("各都市と");
    await page.keyboard.type("調整します。");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(cell.locator(".comment--reply .comment__body")).toHaveText("各都市と調整します。");
    await expect(cell.locator(".comment--reply .comment__meta")).toContainText("中原八一");
    await expect(replyButton).toBeFocused();
    await expectAccessible(page, testInfo, "review-ja-desktop-with-comment");
    await page.getByRole("button", { name: "修正を依頼する" }).click();
    await expect(page.locator("main [role=alert]").first()).toHaveText("修正を求める点をご記入ください（必須）");
    await page.locator("#decision-comment").fill("第2項の表現を確認してください。");
    await decide(page, /修正を依頼する/);
    await shot(page, "review-ja-changes-requested");
    const toSecretariat = await mailTo(ACCOUNTS.secretariat, /изменени/i);
    expect(toSecretariat.text).toContain("第2項の表現を確認してください。");
    expect(toSecretariat.text).toContain("「港湾機能」の前に「参加都市の」を補ってください。");
    // The mail leads to the comments on the status board.
    expect(linkIn(toSecretariat)).toMatch(/\/communiques\/[^/]+\/status#comments$/);
  });

  test("the secretariat revises and resubmits; the heads are told what changed", async ({ page }) => {
    await clearMailbox();
    await signInAndWait(page, ACCOUNTS.secretariat);
    await openCommunique(page);
    await expect(page.locator(".toolbar .badge").first()).toContainText("запрошены изменения");
    const texts = await page.locator("ol.rows > li.clause-row textarea[lang=ja]").evaluateAll((areas) => areas.map((a) => (a as HTMLTextAreaElement).value));
    const n = texts.findIndex((t) => t.includes("港湾機能")) + 1;
    expect(n).toBeGreaterThan(0);
    // The head's comment and its reply are on the clause they are about (clause 2), counted in the toolbar.
    const thread = clauseRow(page, 2).locator(".comment-thread");
    await expect(thread.locator(".comment__body")).toHaveText(["「港湾機能」の前に「参加都市の」を補ってください。", "各都市と調整します。"]);
    await expect(page.getByTestId("open-comments")).toHaveText("1 открытое замечание");
    const ja = clauseRow(page, n).locator("textarea[lang=ja]");
    await ja.fill((await ja.inputValue()).replace("港湾機能", "参加都市の港湾機能"));
    await ja.blur();
    await waitSaved(page);
    await clauseRow(page, n).getByRole("button", { name: "Перевод проверен" }).click();
    // Answered and resolved: the thread folds away, the toolbar no longer counts it.
    await thread.getByRole("button", { name: "Ответить" }).click();
    await thread.getByLabel("Ответ на замечание (中原八一)").fill(`Исправлено в пункте ${n}.`);
    await thread.getByRole("button", { name: "Отправить" }).click();
    await expect(thread.locator(".comment__body").last()).toHaveText(`Исправлено в пункте ${n}.`);
    await thread.getByRole("button", { name: "Отметить как решённое" }).click();
    await expect(clauseRow(page, 2).locator(".block-comments__resolved summary")).toHaveText("1 решённое замечание");
    await expect(page.getByTestId("open-comments")).toHaveCount(0);
    await shot(page, "editor-ru-comment-resolved");
    await page.getByRole("button", { name: "Отправить на согласование" }).click();
    await page.getByTestId("submit-confirm").getByRole("button", { name: "Отправить 9 адресатам" }).click();
    await expect(page.locator("main p[role=status]")).toHaveText("Коммюнике отправлено на согласование.");
    await shot(page, "editor-ru-resubmitted");
    const mail = await mailTo("kalita@blagoveshchensk.example", /изменено/i);
    expect(mail.text).toContain(`Пункт ${n}`);
    // The board lists the comments with their text, and the timeline quotes them.
    await page.getByRole("link", { name: "Ход согласования" }).click();
    const comments = page.locator("#comments");
    await expect(comments.getByTestId("open-comments")).toHaveText("Открытых замечаний нет");
    await expect(comments).toContainText("「港湾機能」の前に「参加都市の」を補ってください。");
    await expect(comments).toContainText("Пункт 2 · JA");
    await expect(page.locator(".timeline li[data-action='comment.added'] q").first()).toHaveText("「港湾機能」の前に「参加都市の」を補ってください。");
  });

  test("every head approves the new revision, seeing the change; two of them on a phone, one with the keyboard alone", async ({ browser }, testInfo) => {
    test.setTimeout(300_000);
    for (const [i, head] of HEADS.entries()) {
      const phone = i === 1 || i === 5;
      const keyboardOnly = i === 7;
      const context = await browser.newContext({ locale: head.ui === "ja" ? "ja-JP" : "ru-RU", viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 900 } });
      const page = await context.newPage();
      await openFromMail(page, head.email, head.ui === "ja" ? /コミュニケ|版/ : /коммюнике|верси/i);
      if (head.email === "kalita@blagoveshchensk.example" || head.email === "nakahara@niigata.example") {
        await expect(page.locator(".review__row[data-changed=changed]").first()).toBeVisible();
        await expect(page.locator(".review__row[data-changed=changed] ins").first()).toContainText("参加都市の");
      }
      if (head.email === "ivanova@khabarovsk.example") await expect(page.locator(".decision")).toContainText("Кравчук");
      if (phone) {
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
        await shot(page, `review-${head.ui}-phone`);
      }
      if (phone || i === 0 || i === 4) await expectAccessible(page, testInfo, `review-${head.ui}-${phone ? "phone" : "desktop"}`);
      const approve = page.getByRole("button", { name: head.ui === "ja" ? /^承認する$/ : /^Согласовать$/ });
      if (keyboardOnly) {
        // From the top of the page, Tab until the approve button has the focus, then Enter.
        await page.locator("body").focus();
        await tabTo(page, approve);
        await page.keyboard.press("Enter");
        await expect(page.locator("main p[role=status]")).toBeVisible();
      } else {
        await decide(page, head.ui === "ja" ? /^承認する$/ : /^Согласовать$/);
      }
      await shot(page, `approved-${i + 1}-${head.ui}${phone ? "-phone" : ""}`);
      await context.close();
    }
  });

  test("the communiqué is approved; the status board shows every head and the timeline", async ({ page }) => {
    await signInAndWait(page, ACCOUNTS.secretariat);
    await openCommunique(page);
    await expect(page.locator(".toolbar .badge").first()).toContainText("согласовано");
    await page.getByRole("link", { name: "Ход согласования" }).click();
    await expect(page.locator("tr[data-state=APPROVED]")).toHaveCount(8);
    await expect(page.locator("tr", { hasText: "Кравчук" })).toContainText("от имени");
    await expect(page.locator(".timeline li[data-action='approval.changes-requested']")).toHaveCount(1);
    await expect(page.locator(".timeline li[data-action='communique.approved']")).toHaveCount(1);
    await shot(page, "status-ru-desktop");
    await mailTo("kravchuk@khabarovsk.example", /согласован/i);
  });
});
