import { getScriptNonceFromHeader } from "next/dist/server/app-render/get-script-nonce-from-header";
import type { NextConfig } from "next";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config, proxy } from "@/proxy";
import { contentSecurityPolicy, newNonce } from "./content-security-policy";

const directive = (policy: string, name: string) => policy.split(";").map((d) => d.trim()).find((d) => d.split(/\s+/)[0] === name);

describe("contentSecurityPolicy", () => {
  it("lets scripts run by the request's nonce, never inline by default, and Next.js finds the nonce", () => {
    const policy = contentSecurityPolicy({ nonce: "bm9uY2UtMTIz", dev: false });
    expect(directive(policy, "script-src")).toBe("script-src 'self' 'nonce-bm9uY2UtMTIz' 'strict-dynamic'");
    expect(getScriptNonceFromHeader(policy)).toBe("bm9uY2UtMTIz");
    for (const d of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"]) expect(policy).toContain(d);
  });

  it("allows eval only in development, where React rebuilds server error stacks with it", () => {
    expect(directive(contentSecurityPolicy({ nonce: "abc", dev: true }), "script-src")).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic' 'unsafe-eval'");
  });

  it("makes a fresh, unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("the proxy", () => {
  const run = (path: string) => proxy(new NextRequest(`http://localhost:3000${path}`));

  it("sends each page its own policy and hands the same nonce to the render (request headers)", () => {
    const [first, second] = [run("/sign-in"), run("/sign-in")];
    const policy = first.headers.get("content-security-policy")!;
    const nonce = getScriptNonceFromHeader(policy);
    expect(nonce).toBeTruthy();
    expect(getScriptNonceFromHeader(second.headers.get("content-security-policy")!)).not.toBe(nonce);
    // NextResponse.next({ request: { headers } }) passes the request headers on this way.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(directive(policy, "script-src")).not.toContain("'unsafe-inline'");
  });

  it("runs for pages, route handlers and the auth API, not for built static files nor the seal check's large uploads", () => {
    // The matcher is one pattern whose regular-expression form Next.js anchors at both ends.
    const [pattern] = config.matcher;
    const runsFor = (path: string) => new RegExp(`^${pattern}$`).test(path);
    for (const path of ["/", "/sign-in", "/communiques/abc/review", "/api/auth/csrf", "/verify", "/communiques/abc/pdf"]) expect(runsFor(path), path).toBe(true);
    for (const path of ["/_next/static/chunks/main.js", "/_next/image", "/favicon.ico", "/verify/check"]) expect(runsFor(path), path).toBe(false);
  });
});

describe("next.config.js", () => {
  it("sets no static Content-Security-Policy that would allow inline scripts beside the proxy's", async () => {
    // Loaded by path: the config is plain JavaScript without type declarations.
    const file = "../../next.config.js";
    const { default: nextConfig } = (await import(/* @vite-ignore */ file)) as { default: NextConfig };
    const rules = await nextConfig.headers!();
    const policies = rules.flatMap((r) => r.headers).filter((h) => h.key.toLowerCase() === "content-security-policy");
    expect(policies.filter((p) => directive(p.value, "script-src")?.includes("'unsafe-inline'"))).toEqual([]);
    expect(policies).toEqual([]);
  });
});
