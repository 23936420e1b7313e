import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/get-actor";
import { errorResponse, pdfResponse } from "@/lib/http/pdf-response";
import { signedPdf } from "@/lib/signatures/signed-pdf";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const pdf = await signedPdf(await getActor(), id);
    const t = await getTranslations("pdf");
    return pdfResponse(pdf.bytes, `${t("signedFileName", { ordinal: pdf.ordinal, number: pdf.number })}.pdf`, { ETag: `"${pdf.sha256}"` });
  } catch (error) {
    return errorResponse(error);
  }
}
