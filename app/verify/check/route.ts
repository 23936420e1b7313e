import { clientAddress } from "@/lib/http/client-address";
import { verifyUpload } from "@/lib/signatures/verify-document";

// Every upload is checked afresh; nothing here may be cached.
export const dynamic = "force-dynamic";

/**
 * Public: the verify page posts the PDF itself as the body (Content-Type application/pdf).
 * Answers JSON: `{ ok: true, data }` with the report, or `{ ok: false, code, params }`.
 */
export async function POST(request: Request) {
  const { status, body } = await verifyUpload(request, clientAddress(request.headers));
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
