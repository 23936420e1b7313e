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

  test("a refused 50,000-character clause survives a reload, the preview stays short, and leaving asks first", async ({ page }) => {
    await signInAndWait(page, ACCOUNTS.secretariat);
    await openCommunique(page);
    const ru = clauseRow(page, 4).locator("textarea[lang=ru]");
    const original = await ru.inputValue();
    const long = "Стороны договорились продолжить сотрудничество. ".repeat(1042);
    expect(long.length).toBeGreaterThan(50_000);
    await ru.fill(long);
    await ru.blur();
    await expect(clauseRow(page, 4).locator(".field-error[role=alert]")).toContainText("Текст длиннее 4000 символов");
    // The preview sets what fits, not tens of thousands of pixels of refused text.
    const preview = page.locator("section[aria-labelledby=preview-title]");
    expect((await preview.boundingBox())!.height).toBeLessThan(8_000);

    // A link inside the app asks; staying keeps the text.
    const dialogs: string[] = [];
    page.once("dialog", (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.getByRole("link", { name: "← XXVII" }).click();
    await expect.poll(() => dialogs).toEqual(["confirm: Текст, который сервер не принял, останется только в этом браузере. Уйти со страницы?"]);
    await expect(page).toHaveURL(/\/communiques\/[^/]+$/);
    await expect(ru).toHaveValue(long);

    // A reload asks too; after it, the text is offered back and restored into its field.
    page.once("dialog", (dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    });
    await page.reload();
    expect(dialogs.at(-1)).toBe("beforeunload");
    await expect(ru).toHaveValue(original);
    const offer = page.getByTestId("restore-unsaved");
    await expect(offer).toContainText("В этом браузере остался несохранённый текст: Пункт 4 (RU).");
    await offer.getByRole("button", { name: "Восстановить" }).click();
    await expect(ru).toHaveValue(long);
    await expect(clauseRow(page, 4).locator(".field-error[role=alert]")).toContainText("Текст длиннее 4000 символов");

    // Once the server has a text, nothing is offered any more.
    await ru.fill(original);
    await ru.blur();
    await waitSaved(page);
    await page.reload();
    await expect(page.getByTestId("save-state")).toBeVisible();
    await expect(page.getByTestId("restore-unsaved")).toHaveCount(0);
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

    // Dragging with the keyboard: the screen reader hears clause numbers in Russian, not ids.
    const handle = clauseRow(page, 2).getByRole("button", { name: "Перетащить пункт 2" });
    await expect(page.locator(`#${await handle.getAttribute("aria-describedby")}`)).toHaveText(/^Чтобы переместить пункт, нажмите пробел или клавишу ввода/);
    await handle.focus();
    await page.keyboard.press("Space");
    const live = page.locator("[id^=DndLiveRegion]");
    await expect(live).toHaveText("Пункт 2 поднят.");
    await page.keyboard.press("ArrowUp");
    await expect(live).toHaveText("Пункт 2 над позицией 1.");
    await page.keyboard.press("Space");
    await expect(live).toHaveText("Пункт 2 поставлен на позицию 1.");
    await expect(clauseRow(page, 1).locator("textarea[lang=ru]")).toHaveValue(firstText);
    await page.reload();
    await expect(clauseRow(page, 1).locator("textarea[lang=ru]")).toHaveValue(firstText);
    // And back down, leaving the order the next journeys expect.
    await clauseRow(page, 1).getByRole("button", { name: "Перетащить пункт 1" }).focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("ArrowDown");
    await expect(live).toHaveText("Пункт 1 над позицией 2.");
    await page.keyboard.press("Space");
    await expect(live).toHaveText("Пункт 1 поставлен на позицию 2.");
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
