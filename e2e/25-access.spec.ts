import { expect, test } from "@playwright/test";
import { ACCOUNTS, INVITED_HEAD, PASSWORD, RESET_ACCOUNT } from "./fixtures/data";
import { linkIn, mailTo } from "./fixtures/mailbox";
import { shot } from "./fixtures/screenshot";
import { signIn, signInAndWait } from "./fixtures/sign-in";

// Getting in without anyone telling anyone a password: invitations, reset links, sessions that end.
test.describe("access from the e-mail", () => {
  test("the admin invites a Japanese head, who chooses a password from the e-mail on a 390 px phone (he approves on it in 30)", async ({ page, browser }) => {
    await signInAndWait(page, ACCOUNTS.admin);
    await page.goto("/admin/users");
    const create = page.locator("section", { has: page.locator("#new-user") });
    await expect(create.locator("input[type=password]")).toHaveCount(0);
    await create.getByLabel("E-mail").fill(INVITED_HEAD.email);
    await create.getByLabel("Name").fill(INVITED_HEAD.nameJa);
    await create.getByLabel("Language").selectOption("ja");
    await create.getByLabel("Person").selectOption({ label: `${INVITED_HEAD.nameRu} / ${INVITED_HEAD.nameJa}` });
    await create.getByRole("button", { name: "New user" }).click();
    await expect(create.locator(".notice--ok")).toHaveText("User created; an invitation was sent to their e-mail address.");
    const row = page.locator("tr", { hasText: INVITED_HEAD.email });
    await expect(row).toContainText("Invitation sent, valid until");

    const mail = await mailTo(INVITED_HEAD.email, /ご招待/);
    expect(mail.text).toContain(`${INVITED_HEAD.nameJa}様`);
    const link = linkIn(mail);
    expect(link).toMatch(/^\/invitation\/[a-z0-9]+\.[\w-]{43}$/);

    const phone = await browser.newContext({ locale: "ja-JP", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const mayor = await phone.newPage();
    await mayor.goto(link);
    await expect(mayor.locator("h1")).toHaveText("ご招待");
    expect(await mayor.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await shot(mayor, "invitation-ja-phone");
    // The password the later journeys sign him in with.
    await mayor.getByLabel("新しいパスワード", { exact: true }).fill(PASSWORD);
    await mayor.getByLabel("新しいパスワード（確認）").fill(PASSWORD);
    await mayor.getByRole("button", { name: "パスワードを設定してログイン" }).click();
    await expect(mayor).toHaveURL(/\/$/);
    await expect(mayor.locator("header")).toContainText(INVITED_HEAD.nameJa);
    // The invitation is spent; the admin sees the account in use.
    await mayor.goto(link);
    await expect(mayor.locator("main [role=alert]")).toHaveText("このリンクはすでに使用されています。");
    await page.reload();
    await expect(row).toContainText("Active");
    await expect(row).toContainText("1 active session");

    // "Sign out everywhere" ends the phone's session at once.
    await row.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(row).toContainText("No active sessions");
    await mayor.goto("/");
    await expect(mayor).toHaveURL(/\/sign-in$/);
    await phone.close();
  });

  test.use({ locale: "ru-RU" });

  test("a forgotten password is reset from the e-mailed link, once; the old password stops working", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Забыли пароль?" }).click();
    await expect(page.locator("h1")).toHaveText("Восстановление пароля");
    await page.getByLabel("Электронная почта").fill(`nobody@communique.example`);
    await page.getByRole("button", { name: "Прислать ссылку" }).click();
    const sameAnswer = "Если учётная запись с этим адресом есть, на него отправлена ссылка. Она действует один час.";
    await expect(page.locator("main .notice--ok")).toHaveText(sameAnswer);
    await page.getByLabel("Электронная почта").fill(RESET_ACCOUNT);
    await page.getByRole("button", { name: "Прислать ссылку" }).click();
    await expect(page.locator("main .notice--ok")).toHaveText(sameAnswer);

    const link = linkIn(await mailTo(RESET_ACCOUNT, /Сброс пароля/));
    expect(link).toMatch(/^\/reset-password\/[a-z0-9]+\.[\w-]{43}$/);
    await page.goto(link);
    await expect(page.locator("h1")).toHaveText("Новый пароль");
    // A mistyped confirmation is answered beside the field and uses nothing up.
    await page.getByLabel("Новый пароль").fill("Bering-Strait-2026");
    await page.getByLabel("Пароль ещё раз").fill("Bering-Strait-2025");
    await page.getByRole("button", { name: "Сохранить пароль и войти" }).click();
    await expect(page.locator("main .field-error")).toHaveText("Пароли не совпадают.");
    await page.getByLabel("Новый пароль").fill("Bering-Strait-2026");
    await page.getByLabel("Пароль ещё раз").fill("Bering-Strait-2026");
    await page.getByRole("button", { name: "Сохранить пароль и войти" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator("h1")).toHaveText("Встречи и коммюнике");

    // The link is spent.
    await page.goto(link);
    await expect(page.locator("main [role=alert]")).toHaveText("Эта ссылка уже использована.");
    await shot(page, "reset-used-ru-desktop");

    await page.context().clearCookies();
    await signIn(page, RESET_ACCOUNT, PASSWORD);
    await expect(page.locator("main [role=alert]")).toHaveText("Неверная электронная почта или пароль.");
    await signIn(page, RESET_ACCOUNT, "Bering-Strait-2026");
    await expect(page).toHaveURL(/\/$/);
  });

  test("signing out ends the session on the server: the old cookie, put back, signs nobody in", async ({ page, context }) => {
    await signInAndWait(page, ACCOUNTS.secretariat);
    const before = (await context.cookies()).filter((c) => /authjs\.session-token$/.test(c.name));
    expect(before).toHaveLength(1);
    await page.locator("header form button[type=submit]").click();
    await expect(page).toHaveURL(/\/sign-in$/);

    await context.addCookies(before);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.locator("header")).not.toContainText("Секретариат");
  });

  test("a mailed link that is tampered with says so, in the reader's language", async ({ browser }) => {
    const context = await browser.newContext({ locale: "ja-JP" });
    const page = await context.newPage();
    await page.goto(`/l/${"a".repeat(25)}.${"b".repeat(43)}`);
    await expect(page.locator("main [role=alert]")).toHaveText("このリンクは無効です。リンクが途中で切れていないかご確認ください。");
    await page.goto(`/invitation/not-a-token`);
    await expect(page.locator("main [role=alert]")).toContainText("このリンクは無効です");
    await context.close();
  });
});
