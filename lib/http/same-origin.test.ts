import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { isSameOrigin, sameOriginOnly } from "./same-origin";

vi.mock("next-intl/server", () => ({
  getTranslations: async () => (key: string) => `errors.${key}`,
}));

const headers = (h: Record<string, string>) => new Headers(h);

describe("isSameOrigin", () => {
  it("accepts a page of this app, directly or behind a proxy", () => {
    expect(isSameOrigin(headers({ host: "app.example", origin: "https://app.example" }))).toBe(true);
    expect(isSameOrigin(headers({ host: "10.0.0.5:3000", "x-forwarded-host": "app.example", origin: "https://app.example" }))).toBe(true);
    expect(isSameOrigin(headers({ host: "localhost:3000", origin: "http://localhost:3000", "sec-fetch-site": "same-origin" }))).toBe(true);
  });

  it("refuses another origin, a null origin, a malformed one, and a cross-site fetch without Origin", () => {
    expect(isSameOrigin(headers({ host: "app.example", origin: "https://evil.example" }))).toBe(false);
    expect(isSameOrigin(headers({ host: "app.example", origin: "https://app.example.evil.example" }))).toBe(false);
    expect(isSameOrigin(headers({ host: "localhost:3000", origin: "http://localhost:3001" }))).toBe(false);
    expect(isSameOrigin(headers({ host: "app.example", origin: "null" }))).toBe(false);
    expect(isSameOrigin(headers({ host: "app.example", origin: "not a url" }))).toBe(false);
    expect(isSameOrigin(headers({ host: "app.example", "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isSameOrigin(headers({ host: "app.example", "sec-fetch-site": "same-site" }))).toBe(false);
  });

  it("lets through a request that no browser page made (no Origin, no Sec-Fetch-Site)", () => {
    expect(isSameOrigin(headers({ host: "app.example" }))).toBe(true);
  });
});

describe("sameOriginOnly", () => {
  it("answers 403 in the user's language before the handler runs", async () => {
    const handler = vi.fn(async () => new Response("done"));
    const wrapped = sameOriginOnly(handler);
    const refused = await wrapped(new Request("https://app.example/x", { method: "POST", headers: { host: "app.example", origin: "https://evil.example" } }));
    expect(refused.status).toBe(403);
    expect(await refused.text()).toBe("errors.FORBIDDEN");
    expect(handler).not.toHaveBeenCalled();
    const passed = await wrapped(new Request("https://app.example/x", { method: "POST", headers: { host: "app.example", origin: "https://app.example" } }));
    expect(await passed.text()).toBe("done");
  });
});

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const STATE_CHANGING = ["POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return entry === "route.ts" ? [full] : [];
  });
}

describe("every state-changing route handler checks the origin", () => {
  const files = routeFiles(path.join(ROOT, "app"));

  it("finds the route handlers", () => {
    expect(files.length).toBeGreaterThan(3);
  });

  for (const file of files) {
    const name = path.relative(ROOT, file);
    const source = readFileSync(file, "utf8");
    const methods = STATE_CHANGING.filter((m) => new RegExp(`\\b${m}\\b`).test(source));
    if (methods.length === 0) continue;
    it(`${name}: ${methods.join(", ")} refuse a cross-origin request`, async () => {
      vi.resetModules();
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      for (const method of methods) {
        const handler = mod[method] as (request: Request, context: unknown) => Promise<Response>;
        expect(typeof handler).toBe("function");
        const request = new Request(`https://app.example/${name}`, {
          method,
          headers: { host: "app.example", origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
          body: "csrfToken=x",
        });
        const response = await handler(request, { params: Promise.resolve({}) });
        expect(response.status).toBe(403);
      }
    });
  }
});
