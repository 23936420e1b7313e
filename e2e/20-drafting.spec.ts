import { expect, test, type Page } from "@playwright/test";
import { clauseRow, openCommunique, waitSaved } from "./fixtures/communique";
import { ACCOUNTS } from "./fixtures/data";
import { signInAndWait } from "./fixtures/sign-in";
import { shot } from "./fixtures/screenshot";

async function insertFromLibrary(page: Page, search: string) {
  await page.locator("#library-q").fill(search);
  const item = page.locator(".library__item").first();
  await expect(item).toContainText(search.split(" ")[0]!, { ignoreCase: true });
  const before = await page.locator("ol.rows > li.clause-row").count();
  await item.getByRole("button").click();
  await expect(page.locator("ol.rows > li.clause-row")).toHaveCount(before + 1);
}

test.describe.serial("drafting the XXVII communiqué", () => {
  test.use({ locale: "ru-RU" });

  test("the secretariat builds the draft from the library in the Russian UI", async ({ page }) => {
    await signInAndWait(page, ACCOUNTS.secretariat);
    await openCommunique(page);
    await expect(page.locator("[data-part=preamble] textarea[lang=ru]")).toHaveValue(/По приглашению Ассоциации мэров/);
    await expect(page.locator("[data-part=preamble] textarea[lang=ja]")).toHaveValue(/ロ日極東シベリア友好協会/);
    await insertFromLibrary(page, "ТОРов");
    await insertFromLibrary(page, "энергетической");
    await insertFromLibrary(page, "визовых");
    await expect(clauseRow(page, 1)).toContainText("ТОРов");
    await expect(clauseRow(page, 3).locator("textarea[lang=ja]")).toHaveValue(/査証/);
    // The library marks what the draft already took, so that nothing goes in twice by mistake.
    await page.locator("#library-q").fill("ТОРов");
    await expect(page.locator(".library__item").first()).toHaveAttribute("data-in-draft", "true");
    await expect(page.locator(".library__item").first().locator(".badge")).toHaveText("уже в проекте");
    await waitSaved(page);
    await shot(page, "editor-ru-desktop");
  });

  test("the same secretariat continues in the Japanese UI", async ({ page }) => {
    await signInAndWait(page, ACCOUNTS.secretariat);
    await page.getByLabel("Язык интерфейса").selectOption("ja");
    await expect(page.locator("h1")).toHaveText("会議とコミュニケ");
    try {
      await continueInJapanese(page);
    } finally {
      // The account's language is stored: put it back for the journeys that follow.
      await page.getByLabel("表示言語").selectOption("ru");
      await expect(page.getByLabel("Язык интерфейса")).toBeVisible();
    }
  });

  async function continueInJapanese(page: Page) {
    await openCommunique(page);
    await expect(page.locator("#clauses-title")).toHaveText("条項");
    await page.locator("#library-q").fill("観光");
    await expect(page.locator(".library__item").first().locator("p[lang=ja]")).toContainText("観光");
    await page.locator("#library-position").selectOption({ label: "先頭" });
    const first = await page.locator(".library__item").first().locator("p[lang=ru]").textContent();
    await page.locator(".library__item").first().getByRole("button", { name: "挿入" }).click();
    await expect(page.locator("ol.rows > li.clause-row")).toHaveCount(4);
    await expect(clauseRow(page, 1).locator("textarea[lang=ru]")).toHaveValue(first!.trim());
    await shot(page, "editor-ja-desktop");
  }

  test("editing Russian flags the Japanese side, and submission waits until it is cleared", async ({ page }) => {
    await signInAndWait(page, ACCOUNTS.secretariat);
    await openCommunique(page);
    const row = clauseRow(page, 2);
    const ru = row.locator("textarea[lang=ru]");
    // Text that looks like markup is text: every character typed is kept (and printed).
    const added = " Стороны также отметили роль портов (прирост <5%, при этом a<b и c>d).";
    const typed = `${await ru.inputValue()}${added}`;
    await ru.fill(typed);
    await ru.blur();
    await waitSaved(page);
    await page.reload();
    await expect(clauseRow(page, 2).locator("textarea[lang=ru]")).toHaveValue(typed);
    await expect(row.getByTestId("stale-ja")).toBeVisible();
    await expect(page.getByTestId("stale-count")).toHaveText("1 пункт требует обновления перевода");

    await page.getByRole("button", { name: "Отправить на согласование" }).click();
    await page.getByTestId("submit-confirm").getByRole("button", { name: /^Отправить \d+ адресат/ }).click();
    await expect(page.locator("main [role=alert]").first()).toHaveText("Нельзя отправить на согласование: перевод требует обновления в пункте 2.");

    await row.getByRole("button", { name: "Перевод проверен" }).click();
    await expect(row.getByTestId("stale-ja")).toHaveCount(0);
    await expect(page.getByTestId("stale-count")).toHaveText("Все переводы согласованы");
  });

  test("revisions are saved and compared word by word and character by character", async ({ page }) => {
    await signInAndWait(page, ACCOUNTS.secretariat);
    await openCommunique(page);
    await page.getByRole("button", { name: "Сохранить версию" }).click();
    await expect(page.locator("main p[role=status]")).toContainText(/Сохранена версия 1|С версии 1 ничего не изменилось/);
    const row = clauseRow(page, 1);
    const ja = row.locator("textarea[lang=ja]");
    await ja.fill(`${await ja.inputValue()}双方は合意した。`);
    await ja.blur();
    await waitSaved(page);
    await row.getByRole("button", { name: "Перевод проверен" }).click();
    await page.getByRole("button", { name: "Сохранить версию" }).click();
    await expect(page.locator("main p[role=status]")).toContainText("Сохранена версия 2");
    await page.getByRole("link", { name: "История версий" }).click();
    await expect(page.locator("tr[data-revision]")).toHaveCount(2);
    await expect(page.locator("h2#comparison")).toHaveText("Версия 1 → версия 2");
    await expect(page.locator(".diff ins", { hasText: "双方は合意した。" })).toBeVisible();
    await shot(page, "revisions-ru-desktop");
  });

  test("two people editing one clause: the later save sees both texts and loses nothing", async ({ browser }) => {
    const one = await browser.newPage({ locale: "ru-RU" });
    const two = await browser.newPage({ locale: "ru-RU" });
    for (const page of [one, two]) {
      await signInAndWait(page, ACCOUNTS.secretariat);
      await openCommunique(page);
    }
    const first = clauseRow(one, 3).locator("textarea[lang=ru]");
    const second = clauseRow(two, 3).locator("textarea[lang=ru]");
    const original = await first.inputValue();
    await first.fill(`${original} Правка первого.`);
    await first.blur();
    await waitSaved(one);
    await second.fill(`${original} Правка второго.`);
    await second.blur();

    const conflict = clauseRow(two, 3).locator(".conflict");
    await expect(conflict).toBeVisible();
    await expect(conflict.getByTestId("conflict-yours")).toHaveText(`${original} Правка второго.`);
    await expect(conflict.getByTestId("conflict-theirs")).toHaveText(`${original} Правка первого.`);
    await expect(clauseRow(two, 2).locator(".conflict")).toHaveCount(0);
    await shot(two, "conflict-ru-desktop");

    await conflict.getByRole("button", { name: "Объединить вручную" }).click();
    await conflict.getByRole("textbox").fill(`${original} Правка первого. Правка второго.`);
    await conflict.getByRole("button", { name: "Сохранить объединённый текст" }).click();
    await expect(conflict).toHaveCount(0);
    await waitSaved(two);
    await one.reload();
    await expect(clauseRow(one, 3).locator("textarea[lang=ru]")).toHaveValue(`${original} Правка первого. Правка второго.`);
    await one.close();
    await two.close();
  });

  test("bad input: over-long text and undrawable characters get a clear message and stay in the field", async ({ page }) => {
    await signInAndWait(page, ACCOUNTS.secretariat);
    await openCommunique(page);
    const ru = clauseRow(page, 4).locator("textarea[lang=ru]");
    const original = await ru.inputValue();
    await ru.fill(`${original} 😀`);
    await ru.blur();
    await expect(clauseRow(page, 4).locator(".field-error[role=alert]")).toContainText("Шрифт документа не может напечатать символы: 😀");
    await expect(ru).toHaveValue(`${original} 😀`);
    await ru.fill("а".repeat(4001));
    await ru.blur();
    await expect(clauseRow(page, 4).locator(".field-error[role=alert]")).toContainText("Текст длиннее 4000 символов");
    await ru.fill(original);
    await ru.blur();
    await waitSaved(page);
  });

  test("delete with undo, and reorder with the keyboard", async ({ page }) => {
    await signInAndWait(page, ACCOUNTS.secretariat);
    await openCommunique(page);
    const count = await page.locator("ol.rows > li.clause-row").count();
    const firstText = await clauseRow(page, 1).locator("textarea[lang=ru]").inputValue();
    await clauseRow(page, 1).getByRole("button", { name: "Удалить пункт 1" }).click();
    await expect(page.locator("ol.rows > li.clause-row")).toHaveCount(count - 1);
    await page.getByRole("button", { name: "Отменить" }).click();
    await expect(page.locator("ol.rows > li.clause-row")).toHaveCount(count);
    await expect(clauseRow(page, 1).locator("textarea[lang=ru]")).toHaveValue(firstText);

    await clauseRow(page, 1).getByRole("button", { name: "Опустить пункт 1" }).focus();
    await page.keyboard.press("Enter");
    await expect(clauseRow(page, 2).locator("textarea[lang=ru]")).toHaveValue(firstText);
    await page.reload();
    await expect(clauseRow(page, 2).locator("textarea[lang=ru]")).toHaveValue(firstText);
  });

  test("the draft PDF downloads with a Russian file name", async ({ page }) => {
    await signInAndWait(page, ACCOUNTS.secretariat);
    await openCommunique(page);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "PDF проекта" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("Проект коммюнике XXVII Встречи.pdf");
  });

  test("on a phone the editor stacks the languages @phone", async ({ page }) => {
    await signInAndWait(page, ACCOUNTS.secretariat);
    await openCommunique(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, "editor-ru-phone");
  });
});
