import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("clientAddress", () => {
  it("reads the first X-Forwarded-For entry, trimmed", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": " 203.0.113.9 " }))).toBe("203.0.113.9");
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.5" }))).toBe("203.0.113.9");
  });

  it("does not take X-Real-IP, which the server does not vouch for", () => {
    expect(clientAddress(new Headers({ "x-real-ip": "6.6.6.6" }))).toBe("unknown");
    expect(clientAddress(new Headers({ "x-forwarded-for": "", "x-real-ip": "6.6.6.6" }))).toBe("unknown");
  });
});
