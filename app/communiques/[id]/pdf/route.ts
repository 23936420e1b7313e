import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/get-actor";
import { draftPdf } from "@/lib/communiques/communique-pdf";
import { errorResponse, pdfResponse } from "@/lib/http/pdf-response";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const pdf = await draftPdf(await getActor(), id);
    const t = await getTranslations("pdf");
    return pdfResponse(pdf.bytes, `${t("draftFileName", { ordinal: pdf.ordinal, number: pdf.number })}.pdf`);
  } catch (error) {
    return errorResponse(error);
  }
}
