/**
 * b. A head's decision made through one instance, in a real browser, is on the other
 * instance's status board at once: the secretariat watches the board on B (pending first),
 * the head approves on A, the board on B is reloaded.
 */
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { chromium, type Page } from "@playwright/test";
import { db } from "@/lib/db";
import ru from "@/lib/i18n/messages/ru.json";
import { approvalActors, KALITA, submittedCommunique } from "@/lib/testing/approval-fixtures";
import { PASSWORD } from "@/lib/testing/signing-fixtures";
import { SECRETARIAT } from "@/lib/testing/test-db";
import { check, ms, type Check } from "./report";
import type { Instance } from "./servers";

const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/** Playwright's own Chromium when installed, else the system's. */
function executablePath(): string {
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // no bundled browser registered
  }
  return "/usr/bin/chromium";
}

async function signIn(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(PASSWORD);
  await page.locator("form button[type=submit]").click();
  await page.waitForURL((url) => url.pathname === "/");
}

export async function decisionChecks(a: Instance, b: Instance): Promise<Check[]> {
  const as = await approvalActors();
  const { communiqueId } = await submittedCommunique(as[SECRETARIAT]!);
  const head = as[KALITA]!;
  // Unique to this run: found on B's board only if B reads what A wrote.
  const comment = `Согласовано через экземпляр A · ${randomUUID().slice(0, 8)}`;

  const browser = await chromium.launch({ executablePath: executablePath(), args: ARGS });
  try {
    const board = await (await browser.newContext({ baseURL: b.url, locale: "ru-RU" })).newPage();
    await signIn(board, SECRETARIAT);
    await board.goto(`/communiques/${communiqueId}/status`);
    const row = board.locator("tr[data-state]", { hasText: head.displayName });
    const before = await row.getAttribute("data-state");

    const review = await (await browser.newContext({ baseURL: a.url, locale: "ru-RU" })).newPage();
    await signIn(review, head.email);
    await review.goto(`/communiques/${communiqueId}/review`);
    await review.locator("#decision-comment").fill(comment);
    const clicked = performance.now();
    await review.getByRole("button", { name: ru.review.approve, exact: true }).click();
    await review.locator("main p[role=status]").waitFor();
    const decidedMs = performance.now() - clicked;

    const reloaded = performance.now();
    await board.reload();
    const after = await row.getAttribute("data-state");
    const shown = (await row.textContent()) ?? "";
    const seenMs = performance.now() - reloaded;
    const timeline = await board.locator(".timeline li[data-action='approval.approved']").count();

    const stored = await db.approval.findMany({ where: { round: { communiqueId } }, select: { decision: true, comment: true, actorUserId: true } });
    return [
      check(`before the decision B's board shows ${head.displayName} pending`, before === "PENDING", `data-state ${before}`),
      check(
        `the head approved through A's review page (${ms(decidedMs)} ms to the confirmation)`,
        stored.length === 1 && stored[0]!.decision === "APPROVED" && stored[0]!.actorUserId === head.userId && stored[0]!.comment === comment,
        `${stored.length} decision(s) stored`,
      ),
      check(
        `B's board shows the decision with its comment on the next load (${ms(seenMs)} ms)`,
        after === "APPROVED" && shown.includes(comment),
        `data-state ${after}`,
      ),
      check(`B's timeline lists the approval`, timeline === 1, `${timeline} approval event(s)`),
    ];
  } finally {
    await browser.close();
  }
}
