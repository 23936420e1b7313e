import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/get-actor";
import { revisionPdf } from "@/lib/communiques/communique-pdf";
import { errorResponse, pdfResponse } from "@/lib/http/pdf-response";

export async function GET(request: Request, { params }: { params: Promise<{ id: string; revisionId: string }> }) {
  try {
    const { id, revisionId } = await params;
    const pdf = await revisionPdf(await getActor(), id, revisionId);
    if (request.headers.get("if-none-match") === pdf.etag) return new Response(null, { status: 304, headers: { ETag: pdf.etag } });
    const t = await getTranslations("pdf");
    const name = t("revisionDraftFileName", { ordinal: pdf.ordinal, number: pdf.meetingNumber, revision: pdf.number });
    return pdfResponse(pdf.bytes, `${name}.pdf`, { ETag: pdf.etag });
  } catch (error) {
    return errorResponse(error);
  }
}
