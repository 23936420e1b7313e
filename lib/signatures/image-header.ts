export type ImageType = "image/png" | "image/jpeg";

/** What an image file says about itself before a single pixel is decoded. */
export interface ImageHeader {
  type: ImageType;
  width: number;
  height: number;
  /** Colour components of a JPEG frame (1 grey, 3 YCbCr/RGB, 4 CMYK); null for a PNG. */
  components: number | null;
  /** Bits per sample. */
  bitDepth: number;
  /** The JPEG frame's start marker (0xC0 baseline, 0xC2 progressive, …); null for a PNG. */
  frame: number | null;
}

/** The type by the file's own signature bytes, never by its name or the browser's claim. */
export function sniffImage(bytes: Uint8Array): ImageType | null {
  if (bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return "image/png";
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  return null;
}

/** The header of a PNG or JPEG, or null when the file is neither or its header is malformed. */
export function readImageHeader(bytes: Uint8Array): ImageHeader | null {
  const type = sniffImage(bytes);
  if (type === "image/png") return pngHeader(bytes);
  if (type === "image/jpeg") return jpegHeader(bytes);
  return null;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Colour type → the bit depths the PNG specification allows for it. */
const PNG_DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

/** IHDR must be the first chunk: its width and height are known from the first 24 bytes. */
function pngHeader(bytes: Uint8Array): ImageHeader | null {
  if (bytes.length < 33 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunk = String.fromCharCode(bytes[12]!, bytes[13]!, bytes[14]!, bytes[15]!);
  if (view.getUint32(8) !== 13 || chunk !== "IHDR") return null;
  const bitDepth = bytes[24]!;
  const colourType = bytes[25]!;
  if (!PNG_DEPTHS[colourType]?.includes(bitDepth)) return null;
  return { type: "image/png", width: view.getUint32(16), height: view.getUint32(20), components: null, bitDepth, frame: null };
}

/**
 * The frame header of a JPEG that also has a scan with data after it and an end marker;
 * null otherwise (a file that only says how large it is holds no picture).
 */
function jpegHeader(bytes: Uint8Array): ImageHeader | null {
  const n = bytes.length;
  if (bytes[n - 2] !== 0xff || bytes[n - 1] !== 0xd9) return null;
  let header: ImageHeader | null = null;
  let i = 2;
  while (i + 9 < n) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1]!;
    const length = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    // SOF0…SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame header.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      header = {
        type: "image/jpeg",
        bitDepth: bytes[i + 4]!,
        height: (bytes[i + 5]! << 8) | bytes[i + 6]!,
        width: (bytes[i + 7]! << 8) | bytes[i + 8]!,
        components: bytes[i + 9]!,
        frame: marker,
      };
    }
    // Start of scan: a picture follows only if there is entropy-coded data before the end.
    if (marker === 0xda) return header && n - (i + 2 + length) > 2 ? header : null;
    i += 2 + length;
  }
  return null;
}
