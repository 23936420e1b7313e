import { describe, expect, it } from "vitest";
import { safeReturnPath, signInPath } from "./return-path";

describe("safeReturnPath", () => {
  it("keeps a path of this site with its query and fragment", () => {
    expect(safeReturnPath("/communiques/c1/review")).toBe("/communiques/c1/review");
    expect(safeReturnPath("/revisions?a=1&b=2#x")).toBe("/revisions?a=1&b=2#x");
  });

  it("refuses every way out to another site", () => {
    for (const bad of ["//evil.example", "https://evil.example/", "/\\evil.example", "\\\\evil.example", "javascript:alert(1)", "evil.example", "/ok\nLocation: x", "", null, 42]) {
      expect(safeReturnPath(bad), String(bad)).toBeNull();
    }
  });
});

describe("signInPath", () => {
  it("carries the page to come back to, and nothing for the home page or a foreign address", () => {
    expect(signInPath("/communiques/c1/sign")).toBe("/sign-in?callbackUrl=%2Fcommuniques%2Fc1%2Fsign");
    expect(signInPath("/")).toBe("/sign-in");
    expect(signInPath("//evil.example")).toBe("/sign-in");
    expect(signInPath()).toBe("/sign-in");
  });
});
