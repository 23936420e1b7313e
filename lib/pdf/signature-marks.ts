/** What the layout needs to know about an applied signature: its shape and its day. */
export interface SignatureMark {
  width: number;
  height: number;
  /** YYYY-MM-DD as recorded in the signing time stamp. */
  signedOn: string;
}

export type SignatureMarks = Record<string, SignatureMark>;

export interface SignatureInput {
  image: Uint8Array;
  signedAt: string;
}

export function signatureMarks(signatures: Record<string, SignatureInput> | undefined): SignatureMarks {
  const marks: SignatureMarks = {};
  for (const [id, sig] of Object.entries(signatures ?? {})) {
    const size = imageSize(sig.image);
    const day = /^\d{4}-\d{2}-\d{2}/.exec(sig.signedAt)?.[0];
    if (!day) throw new Error(`Signature ${id}: signedAt is not an ISO date-time: ${sig.signedAt}`);
    marks[id] = { ...size, signedOn: day };
  }
  return marks;
}

/** Pixel size of a PNG or JPEG, read from its header. */
export function imageSize(bytes: Uint8Array): { width: number; height: number; format: "png" | "jpeg" } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length > 24 && view.getUint32(0) === 0x89504e47) {
    return { width: view.getUint32(16), height: view.getUint32(20), format: "png" };
  }
  if (bytes.length > 4 && view.getUint16(0) === 0xffd8) {
    let offset = 2;
    while (offset + 9 < bytes.length) {
      if (bytes[offset] !== 0xff) { offset++; continue; }
      const marker = bytes[offset + 1]!;
      const length = view.getUint16(offset + 2);
      // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7), format: "jpeg" };
      }
      offset += 2 + length;
    }
  }
  throw new Error("Signature image is neither PNG nor JPEG");
}

export function signedLabel(day: string, lang: "ru" | "ja"): string {
  const [y, m, d] = day.split("-");
  return lang === "ru" ? `Подписано ${d}.${m}.${y}` : `${y}年${Number(m)}月${Number(d)}日署名`;
}
