import type { Lang } from "@/lib/communique/content";

/** What the layout needs to know about an applied signature: its shape and its day. */
export type SignatureMark =
  | { kind: "image"; width: number; height: number; signedOn: string }
  | { kind: "typed"; typedName: string; signedOn: string };

export type SignatureMarks = Record<string, SignatureMark>;

/**
 * An applied signature: a drawn signature or seal as a PNG (transparency is kept) or
 * JPEG image, or a name typed in place of drawing; `signedAt` is the ISO date-time of
 * signing, whose date (as written, in the signer's offset) is printed under the line.
 */
export type SignatureInput =
  | { image: Uint8Array; signedAt: string }
  | { typedName: string; signedAt: string };

export function signatureMarks(signatures: Record<string, SignatureInput> | undefined): SignatureMarks {
  const marks: SignatureMarks = {};
  for (const [id, sig] of Object.entries(signatures ?? {})) {
    const day = /^\d{4}-\d{2}-\d{2}/.exec(sig.signedAt)?.[0];
    if (!day) throw new Error(`Signature ${id}: signedAt is not an ISO date-time: ${sig.signedAt}`);
    if ("image" in sig && sig.image) {
      const { width, height } = imageSize(sig.image);
      marks[id] = { kind: "image", width, height, signedOn: day };
    } else if ("typedName" in sig && sig.typedName.trim()) {
      marks[id] = { kind: "typed", typedName: sig.typedName.replace(/\s+/g, " ").trim(), signedOn: day };
    } else {
      throw new Error(`Signature ${id} has neither an image nor a typed name`);
    }
  }
  return marks;
}

/** The images of applied signatures, by signatory id. */
export function signatureImages(signatures: Record<string, SignatureInput> | undefined): Record<string, Uint8Array> {
  const images: Record<string, Uint8Array> = {};
  for (const [id, sig] of Object.entries(signatures ?? {})) if ("image" in sig && sig.image) images[id] = sig.image;
  return images;
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

const MONTHS_RU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];

/** The date of signing as each language writes it: «24 августа 2019 г.», 「2019年8月24日」. */
export function signedLabel(day: string, lang: Lang): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return lang === "ru" ? `${d} ${MONTHS_RU[m - 1]} ${y} г.` : `${y}年${m}月${d}日`;
}

/** Whether a typed name is written in Japanese (kana or kanji) rather than in Cyrillic or Latin letters. */
export function isJapaneseText(text: string): boolean {
  return /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(text);
}
