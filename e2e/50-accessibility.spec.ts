import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { expectAccessible } from "./fixtures/a11y";
import { openCommunique } from "./fixtures/communique";
import { ACCOUNTS } from "./fixtures/data";
import { signInAndWait } from "./fixtures/sign-in";

// Every page of the app, after the journeys (the XXVII communiqué is signed by now; the XXVI
// meeting gets a fresh draft here, so the editor is also seen with its library and controls).
// The review and signing forms while they are live are checked inside the journeys (30, 40).

// The workflow's own names for the states: a reader is shown a translated label, never these.
const STATUS_CODES = /\b(DRAFT|IN_APPROVAL|CHANGES_REQUESTED|APPROVED|SIGNING|SIGNED|CANCELLED)\b/;

async function sweep(page: Page, testInfo: TestInfo, layout: string) {
  const check = async (name: string) => {
    await expectAccessible(page, testInfo, `${name}-${layout}`);
    expect(await page.locator("main").innerText(), name).not.toMatch(STATUS_CODES);
  };

  await page.goto("/sign-in");
  await check("sign-in");
  await page.goto("/verify");
  await check("verify-anonymous");

  await signInAndWait(page, ACCOUNTS.secretariat);
  await check("home-secretariat");
  await page.locator(".meeting-card h2 a", { hasText: /^XXVII$/ }).click();
  await expect(page.locator("#communique")).toBeVisible();
  await check("meeting");
  await openCommunique(page, "XXVI");
  await expect(page.locator("#library-q")).toBeVisible();
  await check("editor-draft");
  await openCommunique(page);
  const editor = page.url();
  await check("editor-signed");
  for (const sub of ["revisions", "status", "sign"]) {
    await page.goto(`${editor}/${sub}`);
    await check(`${sub}-secretariat`);
  }
  await page.goto("/outbox");
  await check("outbox");
  for (const path of ["/directory", "/directory?kind=person", "/library", "/meetings/new"]) {
    await page.goto(path);
    await check(path.slice(1).replace(/\W+/g, "-"));
  }
  await page.goto("/no-such-page");
  await check("not-found");

  await page.context().clearCookies();
  await signInAndWait(page, ACCOUNTS.admin);
  await page.goto("/admin/users");
  await check("admin-users");

  await page.context().clearCookies();
  await signInAndWait(page, ACCOUNTS.nakahara);
  await check("home-head");
  for (const sub of ["review", "status", "sign"]) {
    await page.goto(`${editor}/${sub}`);
    await check(`${sub}-head`);
  }
}

test.describe("accessibility of every page", () => {
  test("desktop, Russian and Japanese UIs: no serious or critical axe findings", async ({ page }, testInfo) => {
    test.setTimeout(180_000);
    await sweep(page, testInfo, "desktop");
  });

  test("390 px phone: no serious or critical axe findings @phone", async ({ page }, testInfo) => {
    test.setTimeout(180_000);
    await sweep(page, testInfo, "phone");
  });
});
