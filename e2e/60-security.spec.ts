import { expect, test } from "@playwright/test";
import { openCommunique } from "./fixtures/communique";
import { ACCOUNTS } from "./fixtures/data";
import { signInAndWait } from "./fixtures/sign-in";

// Against the production server the journeys use: what a browser and an attacker actually get.

test.describe("security basics", () => {
  test("every response carries the security headers", async ({ request }) => {
    for (const path of ["/sign-in", "/verify", "/api/auth/csrf"]) {
      const response = await request.get(path);
      const h = response.headers();
      expect(h["content-security-policy"], path).toContain("frame-ancestors 'none'");
      expect(h["content-security-policy"], path).toContain("default-src 'self'");
      expect(h["content-security-policy"], path).toContain("object-src 'none'");
      expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(h["x-content-type-options"], path).toBe("nosniff");
      expect(h["x-frame-options"], path).toBe("DENY");
      expect(h["x-powered-by"], path).toBeUndefined();
    }
  });

  test("scripts run only by a nonce that is new for every response, and pages still hydrate", async ({ page, request }) => {
    const scriptSrc = (policy: string) => policy.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src ")) ?? "";
    const nonceOf = (policy: string) => /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(scriptSrc(policy))?.[1];
    const [first, second] = [await request.get("/sign-in"), await request.get("/sign-in")];
    const policy = first.headers()["content-security-policy"]!;
    expect(scriptSrc(policy)).not.toContain("'unsafe-inline'");
    expect(nonceOf(policy)).toBeTruthy();
    expect(nonceOf(second.headers()["content-security-policy"]!)).not.toBe(nonceOf(policy));
    // Every script Next.js writes into the page carries this response's nonce.
    const scripts = (await first.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonceOf(policy)}"`);

    // In the browser: nothing is refused, and the editor answers typing (it hydrated).
    const refused: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    await signInAndWait(page, ACCOUNTS.secretariat);
    await openCommunique(page, "XXVI");
    expect(await captureActionId(page)).toBeTruthy();
    expect(refused).toEqual([]);
  });

  test("the session cookie is HTTP-only, SameSite=Lax, and ends with the 8-hour session", async ({ page, context }) => {
    await signInAndWait(page, ACCOUNTS.kalita);
    const session = (await context.cookies()).find((c) => /authjs\.session-token$/.test(c.name));
    expect(session).toBeDefined();
    expect(session!.httpOnly).toBe(true);
    expect(session!.sameSite).toBe("Lax");
    const hours = (session!.expires * 1000 - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(7.9);
    expect(hours).toBeLessThanOrEqual(8);
    expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
  });

  test("a cross-origin POST is refused, to route handlers and to server actions", async ({ page, request, baseURL }) => {
    const refused = await request.post("/api/auth/callback/credentials", {
      headers: { origin: "https://evil.example" },
      form: { email: ACCOUNTS.secretariat, password: "Kamchatka-2019", csrfToken: "x" },
      maxRedirects: 0,
    });
    expect(refused.status()).toBe(403);

    // A real server action of the editor page, replayed from another origin.
    await signInAndWait(page, ACCOUNTS.secretariat);
    await openCommunique(page, "XXVI");
    const editor = new URL(page.url()).pathname;
    const cookies = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const actionId = await captureActionId(page);
    const forged = await request.post(editor, {
      headers: { origin: "https://evil.example", cookie: cookies, "next-action": actionId, "content-type": "text/plain;charset=UTF-8" },
      data: JSON.stringify([{}]),
      maxRedirects: 0,
    });
    expect(forged.status()).toBeGreaterThanOrEqual(400);
    expect(await forged.text()).not.toMatch(/\bat .+\(.+:\d+:\d+\)/);
    expect(baseURL).toBeTruthy();
  });

  test("guesses at a mayor's password from many addresses never lock the mayor out; one address guessing is stopped", async ({ browser, playwright, baseURL }) => {
    // The e2e server trusts the proxy on localhost, so X-Forwarded-For here is each guess's real address.
    const guess = async (address: string, password: string) => {
      const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": address } });
      const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
      const response = await api.post("/api/auth/callback/credentials", {
        headers: { origin: baseURL! },
        form: { email: ACCOUNTS.kalita, password, csrfToken },
        maxRedirects: 0,
      });
      const location = response.headers().location ?? "";
      await api.dispose();
      return location;
    };
    for (let i = 1; i <= 12; i++) expect(await guess(`203.0.113.${i}`, `guess-${i}`)).toContain("code=INVALID_CREDENTIALS");
    // One address that keeps guessing has to wait, even with the right password.
    for (let i = 1; i <= 5; i++) await guess("203.0.113.99", `again-${i}`);
    expect(await guess("203.0.113.99", "Kamchatka-2019")).toContain("code=RATE_LIMITED");
    // The mayor, from her own address, signs in as ever.
    const context = await browser.newContext({ locale: "ru-RU", extraHTTPHeaders: { "x-forwarded-for": "198.51.100.7" } });
    const page = await context.newPage();
    await signInAndWait(page, ACCOUNTS.kalita);
    await context.close();
  });

  test("errors show a short message in the user's language, never a stack trace", async ({ page, request }) => {
    const anonymous = await request.get("/communiques/no-such-id/pdf", { maxRedirects: 0 });
    expect([401, 404]).toContain(anonymous.status());
    const body = await anonymous.text();
    expect(body.length).toBeLessThan(200);
    expect(body).not.toMatch(/\bat .+:\d+:\d+|prisma|Error:|node_modules/i);

    await signInAndWait(page, ACCOUNTS.nakahara);
    const missing = await page.request.get("/communiques/no-such-id/revisions/no-such-revision/pdf");
    expect(missing.status()).toBe(404);
    expect(await missing.text()).toBe("見つかりません。");
    await page.goto("/communiques/no-such-id/review");
    await expect(page.locator("main")).not.toContainText(/\bat .+:\d+:\d+|prisma|node_modules/i);
  });
});

/** The id of the first server action the editor calls, read from the request the page itself makes. */
async function captureActionId(page: import("@playwright/test").Page): Promise<string> {
  const request = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await page.locator("#library-q").fill("порт");
  return (await request).headers()["next-action"]!;
}
