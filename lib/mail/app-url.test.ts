import { describe, expect, it } from "vitest";
import { appUrl, appUrlWarning } from "./app-url";

describe("appUrl", () => {
  it("builds absolute links from APP_URL, by default the local server", () => {
    expect(appUrl("/communiques/c1/review", {})).toBe("http://localhost:3000/communiques/c1/review");
    expect(appUrl("/communiques/c1", { APP_URL: "https://communique.example/" })).toBe("https://communique.example/communiques/c1");
    expect(appUrl("communiques/c1", { APP_URL: "https://host.example/app" })).toBe("https://host.example/app/communiques/c1");
  });

  it("keeps an address that is already absolute and refuses a malformed APP_URL", () => {
    expect(appUrl("https://other.example/x", { APP_URL: "https://communique.example" })).toBe("https://other.example/x");
    expect(() => appUrl("/x", { APP_URL: "communique.example" })).toThrow(/APP_URL/);
  });
});

describe("appUrlWarning", () => {
  it("warns in production when APP_URL is unset or blank, and nowhere else", () => {
    expect(appUrlWarning({ NODE_ENV: "production" })).toMatch(/APP_URL is not set/);
    expect(appUrlWarning({ NODE_ENV: "production", APP_URL: "  " })).toMatch(/APP_URL is not set/);
    expect(appUrlWarning({ NODE_ENV: "production", APP_URL: "https://communique.example" })).toBeNull();
    expect(appUrlWarning({ NODE_ENV: "development" })).toBeNull();
  });
});
