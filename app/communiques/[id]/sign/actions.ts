"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getActor } from "@/lib/auth/get-actor";
import { formObject, runAction } from "@/lib/actions/action-result";
import { AppError } from "@/lib/errors/app-error";
import { clientAddress } from "@/lib/http/client-address";
import { declineSigning } from "@/lib/signatures/decline-signing";
import { MAX_IMAGE_BYTES } from "@/lib/signatures/signature-image";
import { signCommunique } from "@/lib/signatures/sign";
import { requestSigningCode } from "@/lib/signatures/signing-code";

async function imageFrom(form: FormData): Promise<Uint8Array | undefined> {
  const method = form.get("method");
  if (method === "SEAL") {
    const file = form.get("seal");
    if (!(file instanceof File) || file.size === 0) throw new AppError("BAD_IMAGE", { maxKb: MAX_IMAGE_BYTES / 1024 });
    if (file.size > MAX_IMAGE_BYTES) throw new AppError("BAD_IMAGE", { maxKb: MAX_IMAGE_BYTES / 1024 });
    return new Uint8Array(await file.arrayBuffer());
  }
  if (method === "DRAWN") {
    const data = String(form.get("drawing") ?? "");
    const match = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(data);
    if (!match || match[1]!.length > (MAX_IMAGE_BYTES * 4) / 3 + 4) throw new AppError("EMPTY_SIGNATURE");
    return new Uint8Array(Buffer.from(match[1]!, "base64"));
  }
  return undefined;
}

export async function signAction(communiqueId: string, _prev: unknown, form: FormData) {
  const result = await runAction(async () => {
    const h = await headers();
    const fields = formObject(form);
    return signCommunique(await getActor(), { ...fields, communiqueId }, { ip: clientAddress(h), userAgent: h.get("user-agent") ?? "", image: await imageFrom(form) });
  });
  revalidatePath(`/communiques/${communiqueId}/sign`);
  return result;
}

export async function declineAction(communiqueId: string, _prev: unknown, form: FormData) {
  const result = await runAction(async () => declineSigning(await getActor(), { ...formObject(form), communiqueId }));
  revalidatePath(`/communiques/${communiqueId}/sign`);
  return result;
}

/** Mails the signatory a six-digit code that confirms them at signing. */
export async function requestSigningCodeAction(communiqueId: string) {
  return runAction(async () => requestSigningCode(await getActor(), communiqueId));
}
