import sharp from "sharp";
import { AppError } from "@/lib/errors/app-error";
import { readImageHeader, type ImageHeader, type ImageType } from "./image-header";

export type { ImageType } from "./image-header";

export const MAX_IMAGE_BYTES = 512 * 1024;
export const MAX_IMAGE_SIDE = 2400;

/** JPEG frames a decoder reads: baseline, extended and progressive, Huffman or arithmetic. */
const READABLE_JPEG_FRAMES = [0xc0, 0xc1, 0xc2, 0xc9, 0xca];
/** Grey, YCbCr (or RGB) and CMYK: any other count has no colour meaning. */
const JPEG_COMPONENTS = [1, 3, 4];

const badImage = () => new AppError("BAD_IMAGE", { maxKb: MAX_IMAGE_BYTES / 1024 });

export interface SignatureImage {
  bytes: Uint8Array;
  type: ImageType;
}

/**
 * What the header promises, checked before anything is decoded: a PNG or JPEG within the
 * side limit, and for a JPEG an 8-bit frame in a colour model. A small file can declare a
 * huge picture (a 140 KB PNG of 12000 × 12000 pixels takes over half a gigabyte to decode).
 */
export function checkImageHeader(bytes: Uint8Array): ImageHeader {
  const header = readImageHeader(bytes);
  if (!header || !header.width || !header.height || header.width > MAX_IMAGE_SIDE || header.height > MAX_IMAGE_SIDE) throw badImage();
  if (header.type === "image/jpeg") {
    if (!READABLE_JPEG_FRAMES.includes(header.frame!) || header.bitDepth !== 8 || !JPEG_COMPONENTS.includes(header.components!)) throw badImage();
  }
  return header;
}

/**
 * Whether a stored signature image can go into the final PDF, from its header alone: what
 * prepareSignatureImage writes always can; an image stored before it existed may not (a JPEG
 * of 2 or 5 colour components makes the PDF engine throw).
 */
export function usableInPdf(bytes: Uint8Array): boolean {
  try {
    checkImageHeader(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks an uploaded seal or a drawn signature and writes it anew: the header first (type,
 * size, colour model), then the picture is decoded (off the main thread) and encoded again,
 * a PNG as 8-bit RGBA (transparency kept), a JPEG as a baseline sRGB JPEG. What is stored is
 * what we wrote, so the final PDF can always embed it. A drawing must be a PNG with ink.
 */
export async function prepareSignatureImage(bytes: Uint8Array, options: { drawn: boolean }): Promise<SignatureImage> {
  if (bytes.length === 0) throw options.drawn ? new AppError("EMPTY_SIGNATURE") : badImage();
  if (bytes.length > MAX_IMAGE_BYTES) throw badImage();
  const header = checkImageHeader(bytes);
  if (options.drawn && header.type !== "image/png") throw badImage();
  const decoder = () => sharp(bytes, { limitInputPixels: MAX_IMAGE_SIDE * MAX_IMAGE_SIDE, failOn: "warning" }).autoOrient();
  try {
    if (header.type === "image/jpeg") {
      const jpeg = await decoder().toColourspace("srgb").removeAlpha().jpeg({ quality: 92, progressive: false, mozjpeg: false, chromaSubsampling: "4:4:4" }).toBuffer();
      return { bytes: new Uint8Array(jpeg), type: "image/jpeg" };
    }
    const { data, info } = await decoder().toColourspace("srgb").ensureAlpha().raw({ depth: "uchar" }).toBuffer({ resolveWithObject: true });
    if (options.drawn && !hasInk(data)) throw new AppError("EMPTY_SIGNATURE");
    const png = await sharp(data, { raw: { width: info.width, height: info.height, channels: 4 } }).png().toBuffer();
    return { bytes: new Uint8Array(png), type: "image/png" };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw badImage();
  }
}

/** A drawing with no visible stroke: every pixel transparent or white. RGBA, 8 bits. */
function hasInk(data: Uint8Array): boolean {
  let inked = 0;
  for (let i = 0; i < data.length; i += 4) {
    const alpha = data[i + 3]!;
    const light = data[i]! > 235 && data[i + 1]! > 235 && data[i + 2]! > 235;
    if (alpha > 40 && !light && ++inked > 20) return true;
  }
  return false;
}
