/**
 * The client's address: the one X-Forwarded-For entry the production server (scripts/serve.mjs)
 * leaves, after deciding it from the connection and the proxies it was told to trust
 * (TRUSTED_PROXIES, TRUSTED_PROXY_HOPS). Under `next dev` or a bare `next start`, Next.js fills
 * in the connection's address only when the header is absent, so a client can name any address
 * there. X-Real-IP is not read: nothing vouches for it.
 */
export function clientAddress(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}
