import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, LOCKOUT_ACCOUNT, PASSWORD } from "./fixtures/data";
import { expectJapaneseGlyphs } from "./fixtures/fonts";
import { signIn, signInAndWait } from "./fixtures/sign-in";
import { shot } from "./fixtures/screenshot";

const fullShot = (page: Page, name: string) => shot(page, name, { fullPage: true });

async function signOut(page: Page) {
  await page.locator("header form button[type=submit]").click();
  await expect(page).toHaveURL(/\/sign-in$/);
}

async function openMeeting(page: Page, ordinal: string) {
  await page.locator(".meeting-card h2 a", { hasText: new RegExp(`^${ordinal}$`) }).click();
  await expect(page).toHaveURL(/\/meetings\/[^/]+$/);
  await expect(page.locator("#facts")).toBeVisible();
}

test.describe("sign-in and the seeded meeting", () => {
  test.use({ locale: "ru-RU" });

  test("an anonymous visitor is sent to sign-in", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.locator("h1")).toHaveText("Вход");
  });

  test("the secretariat signs in in Russian and sees the XXVII meeting with everyone in both languages", async ({ page }) => {
    await signInAndWait(page, ACCOUNTS.secretariat);
    await expect(page.locator("h1")).toHaveText("Встречи и коммюнике");
    await fullShot(page, "home-ru-desktop");
    await openMeeting(page, "XXVII");
    await expect(page.locator(".facts")).toContainText("20 августа 2019 г. — 25 августа 2019 г.");
    const participants = page.locator("#participants + p + .table-wrap tbody tr:not(:has(th))");
    await expect(participants).toHaveCount(8);
    await expect(page.locator("section", { has: page.locator("#participants") })).toContainText("Иванова Т.Н.");
    await expect(page.locator("section", { has: page.locator("#participants") })).toContainText("中原八一");
    const signatories = page.locator("section", { has: page.locator("#signatories") }).locator("tbody tr");
    await expect(signatories).toHaveCount(8);
    await expect(signatories.first()).toContainText("Кравчук С. А.");
    await expect(signatories.first()).toContainText("クラフチュク");
    await expect(page.locator("section", { has: page.locator("#signatories") }).locator("table")).not.toContainText("Иванова");
    await fullShot(page, "meeting-ru-desktop");
  });

  test("a Japanese mayor signs in and works in Japanese", async ({ page }) => {
    await signInAndWait(page, ACCOUNTS.nakahara);
    await expect(page.locator("h1")).toHaveText("会議とコミュニケ");
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expectJapaneseGlyphs(page, [".brand", "h1", ".site-nav a"]);
    await openMeeting(page, "XXVII");
    await expect(page.locator("h1")).toHaveText("第27回会議");
    await expect(page.locator(".facts")).toContainText("2019年8月20日～2019年8月25日");
    await expect(page.locator("h2#signatories")).toHaveText("署名者");
    await fullShot(page, "meeting-ja-desktop");
  });

  test("a page opened signed out, as from an e-mailed link, opens again once signed in (ru and ja)", async ({ page }) => {
    // The sign-in form of the page the redirect led to (not a fresh /sign-in, which would forget where to go back).
    const signInHere = async (email: string) => {
      await page.locator("#email").fill(email);
      await page.locator("#password").fill(PASSWORD);
      await page.locator("form button[type=submit]").click();
    };
    // Russian UI: the secretariat's directory.
    await page.goto("/directory?kind=person");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdirectory$/);
    await signInHere(ACCOUNTS.secretariat);
    await expect(page).toHaveURL(/\/directory$/);
    await expect(page.locator("h1")).toHaveText("Справочник");
    await signOut(page);

    // Japanese UI: a mayor's meeting page, by its address.
    await signInAndWait(page, ACCOUNTS.nakahara);
    const href = (await page.locator(".meeting-card h2 a", { hasText: /^XXVII$/ }).getAttribute("href"))!;
    await page.context().clearCookies();
    await page.goto(href);
    await expect(page).toHaveURL(`/sign-in?callbackUrl=${encodeURIComponent(href)}`);
    await signInHere(ACCOUNTS.nakahara);
    await expect(page).toHaveURL(href);
    await expect(page.locator("h1")).toHaveText("第27回会議");

    // A return address to another site is ignored: home, not elsewhere.
    await page.context().clearCookies();
    await page.goto("/sign-in?callbackUrl=%2F%2Fevil.example%2F");
    await signInHere(ACCOUNTS.nakahara);
    await expect(page).toHaveURL(/\/$/);
  });

  test("the app has an icon and a web manifest a phone can install it from", async ({ page, request }) => {
    const favicon = await request.get("/favicon.ico");
    expect(favicon.status()).toBe(200);
    await page.goto("/sign-in");
    expect(await page.locator('link[rel="icon"]').count()).toBeGreaterThan(0);
    const manifestHref = (await page.locator('link[rel="manifest"]').getAttribute("href"))!;
    const manifest = await (await request.get(manifestHref)).json();
    expect(manifest).toMatchObject({ start_url: "/", display: "standalone" });
    for (const icon of manifest.icons as { src: string; type: string }[]) {
      const response = await request.get(icon.src);
      expect(response.status(), icon.src).toBe(200);
      expect(response.headers()["content-type"]).toContain(icon.type);
    }
  });

  test("an incomplete sign-in form is answered beside each field in the app's language, keeping what was typed", async ({ page, baseURL }) => {
    await page.goto("/sign-in");
    await page.locator("form button[type=submit]").click();
    await expect(page.locator("#email-error")).toHaveText("Заполните это поле.");
    await expect(page.locator("#password-error")).toHaveText("Заполните это поле.");
    await expect(page.locator("#email")).toHaveAttribute("aria-invalid", "true");

    await page.context().addCookies([{ name: "locale", value: "ja", url: baseURL! }]);
    await page.goto("/sign-in");
    await page.locator("#email").fill(ACCOUNTS.nakahara);
    await page.locator("form button[type=submit]").click();
    await expect(page.locator("#password-error")).toHaveText("この項目は必須です。");
    await expect(page.locator("#email-error")).toHaveCount(0);
    await expect(page.locator("#email")).toHaveValue(ACCOUNTS.nakahara);
  });

  test("a wrong password is refused with a clear message", async ({ page }) => {
    await signIn(page, ACCOUNTS.kalita, "not-the-password");
    await expect(page.locator("main [role=alert]")).toHaveText("Неверная электронная почта или пароль.");
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test("repeated failures from one address make it wait, even with the right password", async ({ page }) => {
    for (let i = 0; i < 5; i++) {
      await signIn(page, LOCKOUT_ACCOUNT, `wrong-${i}`);
      await expect(page.locator("main [role=alert]")).toHaveText("Неверная электронная почта или пароль.");
    }
    await signIn(page, LOCKOUT_ACCOUNT);
    await expect(page.locator("main [role=alert]")).toContainText("Слишком много неудачных попыток входа");
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test("a head does not see, and cannot open, a meeting their delegation is not in", async ({ page }) => {
    await signInAndWait(page, ACCOUNTS.nakahara);
    await expect(page.locator(".meeting-card")).toHaveCount(2);
    const href = await page.locator(".meeting-card h2 a", { hasText: /^XXVI$/ }).getAttribute("href");
    expect(href).toMatch(/^\/meetings\//);
    await signOut(page);

    await signInAndWait(page, ACCOUNTS.kalita);
    await expect(page.locator(".meeting-card")).toHaveCount(1);
    await expect(page.locator(".meeting-card h2")).toHaveText("XXVII");
    await page.goto(href!);
    await expect(page.locator("main [role=alert]")).toContainText("У вас нет доступа к этой встрече.");
    await expect(page.locator("body")).not.toContainText("Ниигата");
  });

  test("the language is switched in the header and remembered", async ({ page }) => {
    await signInAndWait(page, ACCOUNTS.ivanova);
    await page.getByLabel("Язык интерфейса").selectOption("ja");
    await expect(page.locator("h1")).toHaveText("会議とコミュニケ");
    await page.reload();
    await expect(page.locator("h1")).toHaveText("会議とコミュニケ");
    await page.getByLabel("表示言語").selectOption("en");
    await expect(page.locator("h1")).toHaveText("Meetings and communiqués");
    await signOut(page);
    await signInAndWait(page, ACCOUNTS.ivanova);
    await expect(page.locator("h1")).toHaveText("Meetings and communiqués");
    await page.getByLabel("Interface language").selectOption("ru");
    await expect(page.locator("h1")).toHaveText("Встречи и коммюнике");
  });

  test("every demo account sees the seeded meeting with its participants and signatories", async ({ page }) => {
    test.setTimeout(180_000);
    const all = [
      ACCOUNTS.admin,
      ACCOUNTS.secretariat,
      "kravchuk@khabarovsk.example",
      "ivanova@khabarovsk.example",
      "kalita@blagoveshchensk.example",
      "gladkikh@nakhodka.example",
      "ivanenko@petropavlovsk-kamchatsky.example",
      "nakahara@niigata.example",
      "matsuda@kanazawa.example",
      // Honda has no password in the journeys: he opens the meeting from his e-mails (30, 40).
    ];
    for (const email of all) {
      await signInAndWait(page, email);
      await openMeeting(page, "XXVII");
      const signatories = page.locator("section", { has: page.locator("#signatories") }).locator("tbody tr");
      await expect(signatories, email).toHaveCount(8);
      await expect(page.locator("section", { has: page.locator("#participants") }), email).toContainText("МАЦУДА Сигэто");
      await signOut(page);
    }
  });
});

test.describe("the secretariat edits the meeting", () => {
  test.use({ locale: "ru-RU" });

  test("bad input gets a clear message and loses nothing; good input is saved", async ({ page }) => {
    await signInAndWait(page, ACCOUNTS.secretariat);
    await openMeeting(page, "XXVII");
    await page.getByText("Изменить сведения").click();
    await page.locator("#facts-endDate").fill("2019-08-19");
    await page.locator("#facts-venueRu").fill("Петропавловск-Камчатский, Дом Правительства");
    await page.getByRole("button", { name: "Сохранить" }).first().click();
    await expect(page.getByText("Окончание не может быть раньше начала.")).toBeVisible();
    await expect(page.locator("#facts-venueRu")).toHaveValue("Петропавловск-Камчатский, Дом Правительства");

    await page.locator("#facts-endDate").fill("2019-08-25");
    await page.getByRole("button", { name: "Сохранить" }).first().click();
    await expect(page.getByText("Изменения сохранены.").first()).toBeVisible();
    await page.reload();
    await expect(page.locator(".facts")).toContainText("Петропавловск-Камчатский, Дом Правительства");
  });

  test("delegation heads get no edit controls", async ({ page }) => {
    await signInAndWait(page, ACCOUNTS.kalita);
    await openMeeting(page, "XXVII");
    await expect(page.getByText("Изменить сведения")).toHaveCount(0);
    await expect(page.getByText("Изменить должность")).toHaveCount(0);
  });

  test("only the admin manages users", async ({ page }) => {
    await signInAndWait(page, ACCOUNTS.secretariat);
    await expect(page.getByRole("link", { name: "Пользователи" })).toHaveCount(0);
    await page.goto("/admin/users");
    await expect(page.locator("main [role=alert]")).toHaveText("У вас нет прав на это действие.");
    await signOut(page);
    await signInAndWait(page, ACCOUNTS.admin);
    await page.goto("/admin/users");
    await expect(page.locator("h1")).toHaveText("Users");
    await expect(page.locator("table.data tbody tr")).toHaveCount(12);
  });
});

test.describe("on a phone @phone", () => {
  for (const [locale, email] of [
    ["ru", ACCOUNTS.secretariat],
    ["ja", ACCOUNTS.nakahara],
  ] as const) {
    test(`the meeting page fits a 390 px screen (${locale}) @phone`, async ({ page }) => {
      await signInAndWait(page, email);
      await fullShot(page, `home-${locale}-phone`);
      await openMeeting(page, "XXVII");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await fullShot(page, `meeting-${locale}-phone`);
    });
  }
});
