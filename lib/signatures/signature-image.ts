import { PNG } from "pngjs";
import { AppError } from "@/lib/errors/app-error";

export const MAX_IMAGE_BYTES = 512 * 1024;
export const MAX_IMAGE_SIDE = 2400;

export type ImageType = "image/png" | "image/jpeg";

/** The type by the file's own signature bytes, never by its name or the browser's claim. */
export function sniffImage(bytes: Uint8Array): ImageType | null {
  if (bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return "image/png";
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  return null;
}

/** The frame size of a JPEG that also has scan data and an end marker, or null. */
function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  const n = bytes.length;
  if (bytes[n - 2] !== 0xff || bytes[n - 1] !== 0xd9) return null;
  let size: { width: number; height: number } | null = null;
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1]!;
    const length = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    // SOF0…SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      size = { height: (bytes[i + 5]! << 8) | bytes[i + 6]!, width: (bytes[i + 7]! << 8) | bytes[i + 8]! };
    }
    // Start of scan: a picture follows only if there is entropy-coded data before the end.
    if (marker === 0xda) return size && n - (i + 2 + length) > 2 ? size : null;
    i += 2 + length;
  }
  return null;
}

/**
 * Checks an uploaded seal or a drawn signature: PNG or JPEG by content, within the size
 * limits, decodable, and (for a drawing) not empty. Transparency is kept as it is.
 */
export function checkSignatureImage(bytes: Uint8Array, options: { drawn: boolean }): ImageType {
  if (bytes.length === 0) throw new AppError(options.drawn ? "EMPTY_SIGNATURE" : "BAD_IMAGE");
  if (bytes.length > MAX_IMAGE_BYTES) throw new AppError("BAD_IMAGE", { maxKb: MAX_IMAGE_BYTES / 1024 });
  const type = sniffImage(bytes);
  if (!type) throw new AppError("BAD_IMAGE", { maxKb: MAX_IMAGE_BYTES / 1024 });
  if (type === "image/jpeg") {
    const size = jpegSize(bytes);
    if (!size || size.width > MAX_IMAGE_SIDE || size.height > MAX_IMAGE_SIDE || !size.width || !size.height) {
      throw new AppError("BAD_IMAGE", { maxKb: MAX_IMAGE_BYTES / 1024 });
    }
    if (options.drawn) throw new AppError("BAD_IMAGE", { maxKb: MAX_IMAGE_BYTES / 1024 });
    return type;
  }
  let png: PNG;
  try {
    png = PNG.sync.read(Buffer.from(bytes));
  } catch {
    throw new AppError("BAD_IMAGE", { maxKb: MAX_IMAGE_BYTES / 1024 });
  }
  if (png.width > MAX_IMAGE_SIDE || png.height > MAX_IMAGE_SIDE) throw new AppError("BAD_IMAGE", { maxKb: MAX_IMAGE_BYTES / 1024 });
  if (options.drawn && !hasInk(png)) throw new AppError("EMPTY_SIGNATURE");
  return type;
}

/** A drawing with no visible stroke: every pixel transparent or white. */
function hasInk(png: PNG): boolean {
  const { data } = png;
  let inked = 0;
  for (let i = 0; i < data.length; i += 4) {
    const alpha = data[i + 3]!;
    const light = data[i]! > 235 && data[i + 1]! > 235 && data[i + 2]! > 235;
    if (alpha > 40 && !light && ++inked > 20) return true;
  }
  return false;
}
