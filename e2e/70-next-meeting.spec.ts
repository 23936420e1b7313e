import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { clauseRow, waitSaved } from "./fixtures/communique";
import { ACCOUNTS } from "./fixtures/data";
import { signInAndWait } from "./fixtures/sign-in";
import { shot } from "./fixtures/screenshot";

// The next meeting, prepared from scratch as a secretariat would, in the Japanese UI: XXVIII in
// Niigata (5–7 October 2021) starting from XXVII, with a new Russian city and a new mayor, one
// delegation fewer, a title changed and the signing order changed; then its communiqué from
// the clause library, and the draft PDF read back with pdftotext and rendered with pdftoppm.

const DRAFT_PDF = "test-results/xxviii-draft.pdf";
const SHESTAKOV = { ru: "Шестаков К. В.", ja: "K・V・シェスタコフ" };

/** The table row of a section that contains `text`. */
const rowOf = (page: Page, section: string, text: string): Locator => page.locator(`section:has(#${section}) tr`, { hasText: text });

/** Opens a folded form by its summary (unless it is open already) and returns the form. */
async function unfold(page: Page, summary: string): Promise<Locator> {
  const details = page.locator("details", { has: page.locator("summary", { hasText: summary }) }).last();
  if ((await details.getAttribute("open")) === null) await details.locator("summary").first().click();
  await expect(details).toHaveAttribute("open", "");
  return details.locator("form").first();
}

test.describe.serial("preparing the next meeting", () => {
  test.use({ locale: "ja-JP" });

  test("the secretariat prepares XXVIII in Niigata from XXVII in the Japanese UI and builds its communiqué", async ({ page }) => {
    test.setTimeout(240_000);
    await signInAndWait(page, ACCOUNTS.secretariat);
    await page.getByLabel("Язык интерфейса").selectOption("ja");
    await expect(page.locator("h1")).toHaveText("会議とコミュニケ");
    try {
      await addToDirectory(page);
      await createMeeting(page);
      await changePeople(page);
      await buildCommunique(page);
    } finally {
      // The account's language is stored: put it back for the journeys that follow.
      await page.goto("/");
      await page.getByLabel("表示言語").selectOption("ru");
      await expect(page.getByLabel("Язык интерфейса")).toBeVisible();
    }
  });
});

async function addToDirectory(page: Page) {
  await page.getByRole("link", { name: "名簿", exact: true }).click();
  const city = await unfold(page, "都市を追加");
  await city.getByLabel("ロシア語名").fill("Владивосток");
  await city.getByLabel("日本語名").fill("ウラジオストク市");
  // The Russian form after "в г." is suggested as the name is typed, and shown in its sentence.
  await expect(city.getByLabel("「в г.」の後の形（前置格）")).toHaveValue("Владивостоке");
  await expect(page.locator(".case-preview")).toContainText("проводившейся в г. Владивостоке");
  await shot(page, "directory-city-ja-desktop");
  await city.getByRole("button", { name: "作成" }).click();
  await expect(rowOf(page, "entries", "ウラジオストク市")).toContainText("в г. Владивостоке");

  await page.getByRole("link", { name: "人物", exact: true }).click();
  const person = await unfold(page, "人物を追加");
  await person.getByLabel(/^ロシア語の氏名/).fill(SHESTAKOV.ru);
  await person.getByLabel(/^日本語の氏名/).fill(SHESTAKOV.ja);
  await person.getByLabel("メールアドレス（任意）").fill("shestakov@vladivostok.example");
  await person.getByRole("button", { name: "作成" }).click();
  await expect(rowOf(page, "entries", SHESTAKOV.ja)).toContainText("アカウント: なし");

  // A city that is already there is refused in the user's language, and nothing typed is lost.
  await page.getByRole("link", { name: "都市", exact: true }).click();
  const again = await unfold(page, "都市を追加");
  await again.getByLabel("ロシア語名").fill("Хабаровск");
  await again.getByLabel("日本語名").fill("ハバロフスク市（重複）");
  await again.getByRole("button", { name: "作成" }).click();
  await expect(page.locator("form .field-error").first()).toHaveText("同じ項目が名簿に既にあります。");
  await expect(page.locator("#new-city-nameJa")).toHaveValue("ハバロフスク市（重複）");
}

async function createMeeting(page: Page) {
  await page.goto("/");
  await page.getByRole("link", { name: "新しい会議" }).click();
  await expect(page.locator("h1")).toHaveText("新しい会議");
  // Suggested from XXVII: the next number, Japan hosting, the Japanese association inviting.
  await expect(page.locator("#meeting-number")).toHaveValue("28");
  await expect(page.locator("#meeting-ordinal")).toHaveValue("XXVIII");
  await expect(page.locator("#meeting-hostCountryJa")).toHaveValue("日本");
  await expect(page.locator("#meeting-fromMeetingId option:checked")).toHaveText("第27回会議（ペトロパブロフスク・カムチャツキー市）から");
  await page.locator("#meeting-hostCityId").selectOption({ label: "新潟市 / Ниигата (日本側)" });
  await page.locator("#meeting-startDate").fill("2021-10-07");
  await page.locator("#meeting-endDate").fill("2021-10-05");
  await page.locator("#meeting-venueRu").fill("Ниигата");
  await page.locator("#meeting-venueJa").fill("新潟市");
  await page.locator("#meeting-signingDate").fill("2021-10-07");
  await page.locator("#meeting-signingPlaceRu").fill("Ниигата");
  await page.locator("#meeting-signingPlaceJa").fill("新潟市");
  await page.getByRole("button", { name: "会議を作成" }).click();
  // End before start: refused beside the field, in Japanese, with every field kept.
  await expect(page.locator("#meeting-endDate-error")).toHaveText("終了日は開始日より前にできません。");
  await expect(page.locator("#meeting-venueJa")).toHaveValue("新潟市");
  await page.locator("#meeting-startDate").fill("2021-10-05");
  await page.locator("#meeting-endDate").fill("2021-10-07");
  await page.getByRole("button", { name: "会議を作成" }).click();
  await expect(page).toHaveURL(/\/meetings\/[^/]+$/);
  await expect(page.locator("h1")).toHaveText("第28回会議");
}

async function changePeople(page: Page) {
  // The new city's delegation with its new head.
  const delegation = await unfold(page, "代表団を追加");
  await delegation.getByLabel("都市", { exact: true }).selectOption({ label: "ウラジオストク市 / Владивосток" });
  await delegation.getByLabel("団長", { exact: true }).selectOption({ label: `${SHESTAKOV.ja} / ${SHESTAKOV.ru}` });
  await delegation.getByRole("button", { name: "代表団を追加" }).click();
  await expect(rowOf(page, "delegations", "ウラジオストク市")).toContainText(SHESTAKOV.ja);
  // Nakhodka does not come: its delegation goes, with its participant.
  await rowOf(page, "delegations", "ナホトカ市").getByRole("button", { name: "削除" }).click();
  await expect(rowOf(page, "delegations", "ナホトカ市")).toHaveCount(0);
  await expect(rowOf(page, "participants", "Гладких")).toHaveCount(0);
  await rowOf(page, "signatories", "Гладких").getByRole("button", { name: "削除" }).click();
  await expect(rowOf(page, "signatories", "Гладких")).toHaveCount(0);

  const participant = await unfold(page, "出席者を追加");
  await participant.getByLabel("代表団").selectOption({ label: "ウラジオストク市 / Владивосток" });
  await participant.getByLabel("氏名", { exact: true }).selectOption({ label: `${SHESTAKOV.ja} / ${SHESTAKOV.ru}` });
  await participant.getByLabel("役職（ロシア語）").fill("Мэр города Владивостока");
  await participant.getByLabel("役職（日本語）").fill("ウラジオストク市長");
  await participant.getByRole("button", { name: "出席者を追加" }).click();
  await expect(rowOf(page, "participants", SHESTAKOV.ja)).toContainText("ウラジオストク市長");

  const signatory = await unfold(page, "署名者を追加");
  await signatory.getByLabel("氏名", { exact: true }).selectOption({ label: `${SHESTAKOV.ja} / ${SHESTAKOV.ru}` });
  await signatory.getByLabel("役職（ロシア語）").fill("Мэр города Владивостока");
  await signatory.getByLabel("役職（日本語）").fill("ウラジオストク市長");
  await signatory.getByRole("button", { name: "署名者を追加" }).click();
  const signers = page.locator("section:has(#signatories) tbody tr");
  await expect(signers.last()).toContainText(SHESTAKOV.ja);
  // The new mayor signs before the mayor of Toyama: one place up.
  await signers.last().getByRole("button", { name: `上へ: ${SHESTAKOV.ru}` }).click();
  await expect(signers.nth(-2)).toContainText(SHESTAKOV.ja);

  // A title edited in both languages.
  const nakahara = rowOf(page, "participants", "中原");
  await nakahara.locator("summary", { hasText: "役職を編集" }).click();
  await nakahara.getByLabel("役職（日本語）").fill("新潟市長（日ロ沿岸市長会代表幹事）");
  await nakahara.getByRole("button", { name: "保存" }).click();
  await expect(rowOf(page, "participants", "中原")).toContainText("新潟市長（日ロ沿岸市長会代表幹事）");

  // Names are given in the reader's language first.
  await expect(rowOf(page, "signatories", SHESTAKOV.ja).locator("td").last().locator("span").first()).toHaveAttribute("lang", "ja");

  // The new mayor has no account yet: the page says so.
  await expect(page.locator("#missing-accounts")).toHaveText("アカウントがありません");
  await expect(page.locator("section:has(#missing-accounts)")).toContainText(SHESTAKOV.ja);
  await shot(page, "meeting-xxviii-ja-desktop", { fullPage: true });
}

async function buildCommunique(page: Page) {
  await page.locator("#communique").locator("..").getByRole("button").click();
  await expect(page).toHaveURL(/\/communiques\/[^/]+$/);
  await expect(page.locator("[data-part=preamble] textarea[lang=ja]")).toHaveValue(/2021年10月5日から7日まで/);
  await expect(page.locator("[data-part=preamble] textarea[lang=ru]")).toHaveValue(/в Японии пребывала делегация/);
  await page.locator("#library-q").fill("観光");
  // The search runs as one types: wait for its answer before taking the first clause.
  await expect(page.locator(".library__item").first().locator("p[lang=ja]")).toContainText("観光");
  await page.locator(".library__item").first().getByRole("button", { name: "挿入" }).click();
  await expect(clauseRow(page, 1).locator("textarea[lang=ja]")).toHaveValue(/観光/);
  await waitSaved(page);
  // Text that looks like markup is text: every character typed is kept, and printed.
  const ja = clauseRow(page, 1).locator("textarea[lang=ja]");
  const typed = `${await ja.inputValue()}増加率は<5%であり、a<b及びc>dとする。`;
  await ja.fill(typed);
  await ja.blur();
  await waitSaved(page);
  await page.reload();
  await expect(clauseRow(page, 1).locator("textarea[lang=ja]")).toHaveValue(typed);

  const response = await page.request.get(`${new URL(page.url()).pathname}/pdf`);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  mkdirSync("test-results/screenshots", { recursive: true });
  writeFileSync(DRAFT_PDF, await response.body());
  // Line breaks and hyphens of the justified text are not part of what it says.
  const compact = (s: string) => s.replace(/[\s\u00ad-]+/g, "");
  const text = compact(execFileSync("pdftotext", ["-raw", DRAFT_PDF, "-"], { encoding: "utf8" }));
  const has = (s: string) => expect(text).toContain(compact(s));
  has("XXVIIIВстречи");
  has("第28回");
  has("2021年10月5日から7日まで");
  has("в Японии пребывала делегация");
  has("проводившейся в г. Ниигата");
  has("Мэр города Владивостока");
  has("ウラジオストク市長");
  has(SHESTAKOV.ru);
  has(SHESTAKOV.ja);
  has("新潟市長（日ロ沿岸市長会代表幹事）");
  has("XXIX Встречу в 2023 году в России");
  has("増加率は<5%であり、a<b及びc>dとする。");
  expect(text).not.toContain("Гладких");
  expect(text).not.toContain("ナホトカ");
  // The first page and the signature page, rendered for a person to look at.
  execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", DRAFT_PDF, "test-results/screenshots/xxviii-draft-page"]);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [DRAFT_PDF], { encoding: "utf8" }))![1]);
  execFileSync("pdftoppm", ["-png", "-r", "60", "-f", String(pages), "-l", String(pages), DRAFT_PDF, "test-results/screenshots/xxviii-draft-page"]);

  // Dragging with the keyboard is announced in Japanese with clause numbers.
  await page.getByRole("button", { name: "空の条項を追加" }).click();
  await expect(page.locator("ol.rows > li.clause-row")).toHaveCount(2);
  const handle = clauseRow(page, 2).getByRole("button", { name: "第2項をドラッグ" });
  await expect(page.locator(`#${await handle.getAttribute("aria-describedby")}`)).toHaveText(/^項を移動するには、スペースまたはEnterを押してから/);
  await handle.focus();
  await page.keyboard.press("Space");
  const live = page.locator("[id^=DndLiveRegion]");
  await expect(live).toHaveText("第2項を持ち上げました。");
  await page.keyboard.press("ArrowUp");
  await expect(live).toHaveText("第2項は1番目の位置にあります。");
  await page.keyboard.press("Space");
  await expect(live).toHaveText("第2項を1番目に移動しました。");
  await expect(clauseRow(page, 2).locator("textarea[lang=ja]")).toHaveValue(typed);
  await clauseRow(page, 1).getByRole("button", { name: "第1項を削除" }).click();
  await expect(page.locator("ol.rows > li.clause-row")).toHaveCount(1);
  await expect(clauseRow(page, 1).locator("textarea[lang=ja]")).toHaveValue(typed);
}
