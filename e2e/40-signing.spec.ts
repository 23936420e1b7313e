import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./fixtures/a11y";
import { openCommunique } from "./fixtures/communique";
import { ACCOUNTS } from "./fixtures/data";
import { linkIn, mailTo } from "./fixtures/mailbox";
import { hankoPng } from "./fixtures/seal-image";
import { tabTo } from "./fixtures/keyboard";
import { signInAndWait } from "./fixtures/sign-in";
import { PASSWORD } from "./fixtures/data";
import { shot } from "./fixtures/screenshot";

const SIGNED_PDF = "test-results/signed-communique.pdf";
const compact = (s: string) => s.replace(/[\s\u00ad-]+/g, "");

// Nakahara signs with a seal in a test of his own, after a refused upload.
const SIGNERS = [
  { email: "kravchuk@khabarovsk.example", ui: "ru", method: "draw" },
  { email: "kalita@blagoveshchensk.example", ui: "ru", method: "type" },
  { email: "tatami@maizuru.example", ui: "ja", method: "draw" },
  { email: "gladkikh@nakhodka.example", ui: "ru", method: "seal" },
  { email: "matsuda@kanazawa.example", ui: "ja", method: "keyboard" },
  { email: "ivanenko@petropavlovsk-kamchatsky.example", ui: "ru", method: "type" },
  // Without a password: opens the signing page from his e-mail and confirms with a mailed code.
  { email: "honda@toyama.example", ui: "ja", method: "draw", confirm: "code" },
] as const;

const LABELS = {
  ru: { keyboard: "Напечатать имя", type: "Напечатать имя", draw: "Нарисовать", seal: "Загрузить печать", password: "Подтвердите пароль", sign: "Подписать", signed: "Подпись записана.", sendCode: "Прислать код на почту", codeSent: /Код отправлен на/, code: "Код из письма (6 цифр)", codeSubject: /Код подтверждения подписи/ },
  ja: { keyboard: "氏名を入力", type: "氏名を入力", draw: "手書き", seal: "印影をアップロード", password: "パスワードを再入力", sign: "署名する", signed: "署名を記録しました。", sendCode: "確認コードをメールで受け取る", codeSent: /確認コードを.*お送りしました/, code: "確認コード（6桁）", codeSubject: /署名用確認コード/ },
};

async function drawSignature(page: Page) {
  const pad = page.getByTestId("signature-pad");
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height * 0.6);
  await page.mouse.down();
  for (let i = 0; i <= 30; i++) {
    await page.mouse.move(box.x + 20 + i * 9, box.y + box.height * (0.6 - 0.3 * Math.sin(i / 4)), { steps: 2 });
  }
  await page.mouse.up();
}

test.describe.serial("signing the approved communiqué", () => {
  test.use({ locale: "ru-RU" });
  let clauseTexts: { ru: string; ja: string }[] = [];

  test("the secretariat opens signing; the signatories are told", async ({ page }) => {
    await signInAndWait(page, ACCOUNTS.secretariat);
    await openCommunique(page);
    clauseTexts = await page.locator("ol.rows > li.clause-row").evaluateAll((rows) =>
      rows.map((r) => ({ ru: (r.querySelector("textarea[lang=ru]") as HTMLTextAreaElement).value, ja: (r.querySelector("textarea[lang=ja]") as HTMLTextAreaElement).value })),
    );
    expect(clauseTexts.length).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Открыть подписание" }).click();
    await expect(page.locator("main p[role=status]")).toHaveText("Подписание открыто, подписанты уведомлены.");
    await mailTo("kravchuk@khabarovsk.example", /подпис/i);
    await mailTo("nakahara@niigata.example", /署名/);
  });

  test("bad input is refused with a clear message and nothing is recorded", async ({ page }) => {
    await signInAndWait(page, "kalita@blagoveshchensk.example");
    await page.goto(linkIn(await mailTo("kalita@blagoveshchensk.example", /подпис/i)));
    await page.getByLabel("Нарисовать").check();
    await page.getByLabel("Подтвердите пароль").fill(PASSWORD);
    await page.getByRole("button", { name: "Подписать", exact: true }).click();
    await expect(page.locator("main [role=alert]").first()).toHaveText("Подпись пуста: распишитесь в поле.");
    await page.getByLabel("Загрузить печать").check();
    await page.getByLabel("Изображение печати (PNG или JPEG)").setInputFiles({ name: "seal.png", mimeType: "image/png", buffer: Buffer.from("not really an image") });
    await page.getByLabel("Подтвердите пароль").fill(PASSWORD);
    await page.getByRole("button", { name: "Подписать", exact: true }).click();
    await expect(page.locator("main [role=alert]").first()).toContainText("Нужен файл PNG или JPEG");
    await page.getByLabel("Напечатать имя").check();
    await page.getByLabel("Подтвердите пароль").fill("wrong-password");
    await page.getByRole("button", { name: "Подписать", exact: true }).click();
    await expect(page.locator("main [role=alert]").first()).toHaveText("Неверный пароль.");
    // Only the password is asked again, beside its field.
    await expect(page.getByLabel("Подтвердите пароль")).toHaveValue("");
    await expect(page.getByLabel("Подтвердите пароль")).toBeFocused();
    await expect(page.getByLabel("Подтвердите пароль")).toHaveAccessibleDescription("Неверный пароль.");
    await expect(page.getByLabel("Напечатать имя")).toBeChecked();
    await expect(page.locator("li[data-signed=true]")).toHaveCount(0);
  });

  test("a refused seal keeps the method, the file and the password; the second try signs", async ({ browser }) => {
    const context = await browser.newContext({ locale: "ja-JP" });
    const page = await context.newPage();
    const l = LABELS.ja;
    const seal = page.getByLabel("印影の画像（PNGまたはJPEG）");
    const chosen = () => seal.evaluate((input: HTMLInputElement) => input.files?.[0]?.name ?? "");
    await signInAndWait(page, "nakahara@niigata.example");
    await page.goto(linkIn(await mailTo("nakahara@niigata.example", /署名/)));
    await page.getByLabel(l.seal).check();
    await seal.setInputFiles({ name: "not-a-seal.png", mimeType: "image/png", buffer: Buffer.from("not really an image") });
    await page.getByLabel(l.password).fill(PASSWORD);
    await page.getByRole("button", { name: l.sign, exact: true }).click();
    await expect(page.locator("main [role=alert]").first()).toContainText("PNGまたはJPEGファイルを指定してください");
    await expect(page.getByLabel(l.seal)).toBeChecked();
    await expect(page.getByLabel(l.type)).not.toBeChecked();
    expect(await chosen()).toBe("not-a-seal.png");
    await expect(page.getByLabel(l.password)).toHaveValue(PASSWORD);
    // The message stands beside the file field, and the focus is there.
    await expect(seal).toHaveAccessibleDescription(/PNGまたはJPEGファイルを指定してください/);
    await expect(seal).toBeFocused();
    // Looking at another method and coming back loses nothing either.
    await page.getByLabel(l.type).check();
    await page.getByLabel(l.seal).check();
    expect(await chosen()).toBe("not-a-seal.png");
    // Another file, the password as typed before: signed.
    await seal.setInputFiles({ name: "hanko.png", mimeType: "image/png", buffer: hankoPng() });
    await page.getByRole("button", { name: l.sign, exact: true }).click();
    await expect(page.locator("main p[role=status]")).toHaveText(l.signed, { timeout: 60_000 });
    await shot(page, "sign-seal-ja");
    await context.close();
  });

  test("the secretariat asks a signatory to sign again from the status board; the signatory is told and signs again", async ({ browser, page }) => {
    await signInAndWait(page, ACCOUNTS.secretariat);
    await openCommunique(page);
    await page.getByRole("link", { name: "Ход согласования" }).click();
    const signing = page.locator("#signing");
    await expect(signing.locator("h2")).toHaveText("Подписание (круг 1)");
    const row = signing.locator("tr", { hasText: "НАКАХАРА Яити" });
    await expect(row).not.toContainText("не подписано");
    await row.locator("summary", { hasText: "Попросить подписать повторно" }).click();
    const withdraw = row.getByRole("button", { name: "Отозвать подпись и попросить подписать повторно" });
    // No reason: refused beside the form, in Russian, nothing withdrawn.
    await withdraw.click();
    await expect(row.locator("[role=alert]")).toBeVisible();
    await row.getByLabel("Причина (будет отправлена подписанту)").fill("Печать на скане обрезана: подпишите, пожалуйста, ещё раз.");
    await withdraw.click();
    await expect(signing.locator("tr", { hasText: "НАКАХАРА Яити" })).toContainText("не подписано");
    await shot(page, "board-signing-ru-desktop");

    const mail = await mailTo("nakahara@niigata.example", /再署名のお願い/);
    expect(mail.text).toContain("Печать на скане обрезана");
    const context = await browser.newContext({ locale: "ja-JP" });
    const head = await context.newPage();
    await signInAndWait(head, "nakahara@niigata.example");
    await head.goto(linkIn(mail));
    await head.getByRole("radio", { name: LABELS.ja.type, exact: true }).check();
    await head.getByLabel(LABELS.ja.password).fill(PASSWORD);
    await head.getByRole("button", { name: LABELS.ja.sign, exact: true }).click();
    await expect(head.locator("main p[role=status]")).toHaveText(LABELS.ja.signed, { timeout: 60_000 });
    await context.close();
  });

  test("the other seven signatories sign: drawing, typing, or a seal; one with the keyboard alone", async ({ browser }, testInfo) => {
    test.setTimeout(300_000);
    writeFileSync("test-results/hanko.png", hankoPng());
    for (const signer of SIGNERS) {
      const context = await browser.newContext({ locale: signer.ui === "ja" ? "ja-JP" : "ru-RU" });
      const page = await context.newPage();
      const l = LABELS[signer.ui];
      const byCode = "confirm" in signer;
      if (!byCode) await signInAndWait(page, signer.email);
      await page.goto(linkIn(await mailTo(signer.email, signer.ui === "ja" ? /署名/ : /подпис/i)));
      if (byCode) await page.getByRole("button", { name: signer.ui === "ja" ? "文書を開く" : "Открыть документ" }).click();
      await expect(page.getByTestId("approved-hash")).toContainText("SHA-256");
      if (signer.method === "keyboard") {
        // The typed signature is preselected: Tab to the password, type it, Enter submits.
        await expectAccessible(page, testInfo, `sign-${signer.ui}-desktop`);
        await page.locator("body").focus();
        await tabTo(page, page.getByLabel(l.password));
        await page.keyboard.type(PASSWORD);
        await page.keyboard.press("Enter");
        await expect(page.locator("main p[role=status]")).toHaveText(l.signed, { timeout: 60_000 });
        await shot(page, `sign-keyboard-${signer.ui}`);
        await context.close();
        continue;
      }
      await page.getByRole("radio", { name: l[signer.method], exact: true }).check();
      if (signer.method === "draw") {
        // The pad is named, and says where its keyboard equivalent is.
        const pad = page.getByRole("img", { name: signer.ui === "ja" ? "手書き署名の欄" : "Поле для подписи от руки" });
        await expect(pad).toHaveAccessibleDescription(signer.ui === "ja" ? /キーボードでは「氏名を入力」を選んでください/ : /С клавиатуры выберите «Напечатать имя»/);
        await drawSignature(page);
      }
      if (signer.method === "seal") await page.locator("#seal").setInputFiles("test-results/hanko.png");
      if (byCode) {
        // No password to choose from: the code is the only way, and it comes by e-mail.
        await expect(page.getByLabel(l.password)).toHaveCount(0);
        await page.getByRole("button", { name: l.sendCode }).click();
        await expect(page.getByText(l.codeSent)).toBeVisible();
        const mail = await mailTo(signer.email, l.codeSubject);
        const code = /^\s*(\d{6})\s*$/m.exec(mail.text)![1]!;
        expect(mail.subject).not.toContain(code);
        await page.getByLabel(l.code).fill(code);
      } else {
        await page.getByLabel(l.password).fill(PASSWORD);
      }
      await page.getByRole("button", { name: l.sign, exact: true }).click();
      await expect(page.locator("main p[role=status]")).toHaveText(l.signed, { timeout: 60_000 });
      await shot(page, `sign-${signer.method}-${signer.ui}`);
      await context.close();
    }
  });

  test("the sealed PDF: pdfsig says valid over the whole file, every clause and signatory is in it, the verify page accepts it", async ({ page }) => {
    await signInAndWait(page, ACCOUNTS.secretariat);
    await openCommunique(page);
    await expect(page.locator(".toolbar .badge").first()).toContainText("подписано");
    await page.goto(page.url() + "/sign");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Скачать подписанный PDF" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("Коммюнике XXVII Встречи, подписано.pdf");
    await file.saveAs(SIGNED_PDF);
    await shot(page, "signed-download-ru-desktop");

    const sig = execFileSync("pdfsig", [SIGNED_PDF], { encoding: "utf8" });
    expect(sig).toContain("Signature is Valid");
    expect(sig).toMatch(/Total document signed/);
    const text = compact(execFileSync("pdftotext", ["-raw", SIGNED_PDF, "-"], { encoding: "utf8" }));
    for (const clause of clauseTexts) {
      expect(text).toContain(compact(clause.ru));
      expect(text).toContain(compact(clause.ja));
    }
    for (const name of ["Кравчук С. А.", "НАКАХАРА Яити", "Калита В. С.", "ТАТАМИ Рёдзо", "Гладких Б. И.", "МАЦУДА Сигэто", "Иваненко В. Ю.", "ХОНДА Синдзи", "中原八一", "多々見良三"]) {
      expect(text).toContain(compact(name));
    }

    await page.goto("/verify");
    await page.locator("#file").setInputFiles(SIGNED_PDF);
    await page.getByRole("button", { name: "Проверить" }).click();
    await expect(page.getByTestId("verify-result")).toHaveAttribute("data-genuine", "true");
    await expect(page.getByTestId("seal-state")).toContainText("действительна");
    await shot(page, "verify-ru-desktop");

    const bytes = readFileSync(SIGNED_PDF);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = bytes[middle]! ^ 0x01;
    writeFileSync("test-results/modified.pdf", bytes);
    await page.locator("#file").setInputFiles("test-results/modified.pdf");
    await page.getByRole("button", { name: "Проверить" }).click();
    await expect(page.getByTestId("verify-result")).toHaveAttribute("data-genuine", "false");
    await page.locator("#file").setInputFiles({ name: "x.pdf", mimeType: "application/pdf", buffer: Buffer.from("hello") });
    await page.getByRole("button", { name: "Проверить" }).click();
    await expect(page.locator("main [role=alert]").first()).toHaveText("Это не PDF-файл.");
  });

  test("once signed, the meeting's facts and people are read-only, in both UIs", async ({ page }) => {
    await signInAndWait(page, ACCOUNTS.secretariat);
    await page.locator(".meeting-card h2 a", { hasText: /^XXVII$/ }).click();
    await expect(page.locator("h1")).toHaveText("XXVII Встреча");
    await expect(page.locator("main")).toContainText("Коммюнике этой встречи согласовано: сведения о встрече и её участники больше не меняются.");
    for (const summary of ["Добавить делегацию", "Добавить участника", "Добавить подписанта", "Добавить тему"]) {
      await expect(page.locator("summary", { hasText: summary })).toHaveCount(0);
    }
    await expect(page.locator("main form")).toHaveCount(0);
    await page.getByLabel("Язык интерфейса").selectOption("ja");
    try {
      await expect(page.locator("main")).toContainText("この会議の共同コミュニケは承認済みのため、会議の情報と参加者は変更できません。");
      await expect(page.locator("summary", { hasText: "代表団を追加" })).toHaveCount(0);
      await expect(page.locator("main form")).toHaveCount(0);
      await shot(page, "meeting-signed-ja-desktop");
    } finally {
      await page.getByLabel("表示言語").selectOption("ru");
      await expect(page.getByLabel("Язык интерфейса")).toBeVisible();
    }
  });
});
