import { db } from "@/lib/db";

// Answered afresh every time: a cached "ok" would hide a server that lost its database.
export const dynamic = "force-dynamic";

/**
 * Health check for load balancers and monitors: 200 `{ status: "ok" }` when this instance
 * can reach its database, 503 when it cannot. Needs no session and reads no data.
 */
export async function GET() {
  const headers = { "Cache-Control": "no-store" };
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" }, { headers });
  } catch (error) {
    console.error("health check: database unreachable", error);
    return Response.json({ status: "unavailable" }, { status: 503, headers });
  }
}
