import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { isAppError } from "@/lib/errors/app-error";

/** A PDF download with a file name in the user's language (RFC 6266 / 5987 for non-ASCII). */
export function pdfResponse(bytes: Uint8Array, fileName: string, headers: Record<string, string> = {}) {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new NextResponse(Buffer.from(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "private, no-cache",
      ...headers,
    },
  });
}

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, MISSING_GLYPHS: 422 };

/** Domain errors as a short message in the user's language; nothing internal leaks. */
export async function errorResponse(error: unknown) {
  const t = await getTranslations("errors");
  if (isAppError(error)) {
    return new NextResponse(t(error.code, error.params), { status: STATUS[error.code] ?? 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  console.error("route failed", error);
  return new NextResponse(t("INTERNAL"), { status: 500, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
