import { isValidElement, type ReactElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { pageData } from "./page-data";

vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const messages = (await import("@/lib/i18n/messages/ja.json")).default;
  return { getTranslations: async (namespace?: string) => createTranslator({ locale: "ja", messages, namespace: namespace as never }) };
});

describe("pageData", () => {
  it("gives the query's data", async () => {
    expect(await pageData(Promise.resolve({ n: 1 }))).toEqual({ ok: true, data: { n: 1 } });
  });

  it("turns FORBIDDEN into a notice in the user's language", async () => {
    const page = await pageData(Promise.reject(new AppError("FORBIDDEN")));
    expect(page.ok).toBe(false);
    const refusal = (page as { refusal: ReactElement<{ role: string; children: string }> }).refusal;
    expect(isValidElement(refusal)).toBe(true);
    expect(refusal.props.role).toBe("alert");
    expect(refusal.props.children).toBe((await import("@/lib/i18n/messages/ja.json")).default.errors.FORBIDDEN);
  });

  it("turns NOT_FOUND into the 404 page, and lets any other error through", async () => {
    const notFound = await pageData(Promise.reject(new AppError("NOT_FOUND"))).catch((e: { digest?: string }) => e);
    expect((notFound as { digest?: string }).digest).toMatch(/^NEXT_HTTP_ERROR_FALLBACK;404/);
    await expect(pageData(Promise.reject(new AppError("VALIDATION")))).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(pageData(Promise.reject(new Error("boom")))).rejects.toThrow("boom");
  });
});
