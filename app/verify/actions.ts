"use server";

import { runAction } from "@/lib/actions/action-result";
import { AppError } from "@/lib/errors/app-error";
import { MAX_VERIFY_BYTES, verifyDocument } from "@/lib/signatures/verify-document";

export async function verifyAction(_prev: unknown, form: FormData) {
  return runAction(async () => {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0 || file.size > MAX_VERIFY_BYTES) throw new AppError("NOT_A_PDF");
    const report = await verifyDocument(new Uint8Array(await file.arrayBuffer()));
    return { ...report, signedOn: report.signedOn?.toISOString() ?? null, signers: report.signers.map((s) => ({ ...s, at: s.at.toISOString() })) };
  });
}
