import { expect, test } from "@playwright/test";
import { sealPdf } from "@/lib/seal/seal-pdf";
import { makeLoopingFieldTreePdf, makeP12, makePdf } from "@/lib/seal/test-support";

// The public check, against hostile and large uploads: it answers quickly and clearly, takes
// files over 1 MB, and limits how often one address may ask.

/** A client address of its own per test: uploads are limited per address. */
const address = (n: number) => ({ "x-forwarded-for": `198.51.100.${n}` });

test.describe("verify page: hostile and large uploads", () => {
  // An anonymous visitor gets the interface in the browser's language.
  test.use({ locale: "ru-RU" });

  test("a PDF whose form field tree loops: answered within seconds as signed but not valid", async ({ page }) => {
    await page.setExtraHTTPHeaders(address(45));
    await page.goto("/verify");
    await page.locator("#file").setInputFiles({ name: "looping.pdf", mimeType: "application/pdf", buffer: makeLoopingFieldTreePdf() });
    const started = Date.now();
    await page.getByRole("button", { name: "Проверить" }).click();
    await expect(page.getByTestId("verify-result")).toHaveAttribute("data-genuine", "false", { timeout: 5_000 });
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(page.getByTestId("seal-state")).toHaveAttribute("data-checked", "true");
    await expect(page.getByTestId("seal-state")).toContainText("недействительна");
  });

  test("a sealed PDF over 1 MB is checked (the seal is intact, though not the association's)", async ({ page }) => {
    const { p12 } = makeP12("e2e", { withCa: false });
    const unsealed = await makePdf({ pages: 2, paddingBytes: 1_500_000 });
    const sealed = await sealPdf(unsealed, {
      reason: "test",
      location: "Niigata",
      name: "test",
      certificate: { p12, passphrase: "e2e", subject: "CN=test", selfSigned: true, fingerprintSha256: "0".repeat(64) },
    });
    expect(sealed.length).toBeGreaterThan(1024 * 1024);
    await page.setExtraHTTPHeaders(address(46));
    await page.goto("/verify");
    await page.locator("#file").setInputFiles({ name: "large.pdf", mimeType: "application/pdf", buffer: Buffer.from(sealed) });
    await page.getByRole("button", { name: "Проверить" }).click();
    await expect(page.getByTestId("seal-state")).toContainText("подпись цела", { timeout: 10_000 });
  });

  test("30 uploads from one address: at most ten checked, the rest refused, other pages stay quick", async ({ request }) => {
    const pdf = makeLoopingFieldTreePdf();
    const uploads = Array.from({ length: 30 }, () =>
      request.post("/verify/check", { data: pdf, headers: { "content-type": "application/pdf", ...address(47) } }),
    );
    const started = Date.now();
    const home = await request.get("/verify");
    expect(home.status()).toBe(200);
    expect(Date.now() - started).toBeLessThan(3_000);
    const statuses = (await Promise.all(uploads)).map((r) => r.status());
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    // Another address is answered as usual.
    const other = await request.post("/verify/check", { data: pdf, headers: { "content-type": "application/pdf", ...address(48) } });
    expect(other.status()).toBe(200);
  });
});
