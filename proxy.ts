import { NextResponse, type NextRequest } from "next/server";
import { config as appConfig } from "@/lib/config";
import { contentSecurityPolicy, newNonce } from "@/lib/http/content-security-policy";

/**
 * Gives every request its own script nonce. The policy goes on the response for the browser,
 * and on the request for the render: Next.js takes the nonce from it for its own scripts. Pages
 * are rendered per request anyway (the root layout is dynamic), so nothing prerendered misses it.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const policy = contentSecurityPolicy({ nonce, dev: appConfig().development });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Built scripts, styles and images are not documents: they need no policy of their own. The
  // seal check takes uploads of up to 20 MB, more than a proxy passes on whole; it answers JSON.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|verify/check).*)"],
};
