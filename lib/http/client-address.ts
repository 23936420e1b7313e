/** The client's address as the proxy in front of the app reports it (first X-Forwarded-For hop). */
export function clientAddress(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "unknown";
}
