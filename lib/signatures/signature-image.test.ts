import { PDFDocument } from "@cantoo/pdf-lib";
import { PNG } from "pngjs";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { isAppError } from "@/lib/errors/app-error";
import { bombPng, hankoPng, strokePng, tinyJpeg } from "@/lib/testing/signing-fixtures";
import { readImageHeader } from "./image-header";
import { prepareSignatureImage, usableInPdf } from "./signature-image";

// The decoder, watched: a refusal from the header must not reach it.
const decoder = vi.hoisted(() => ({ calls: 0 }));
vi.mock("sharp", async (importOriginal) => {
  const real = (await importOriginal<typeof import("sharp")>()).default;
  return {
    default: (...args: Parameters<typeof real>) => {
      decoder.calls += 1;
      return real(...args);
    },
  };
});

beforeEach(() => {
  decoder.calls = 0;
});

async function refusalCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
  throw new Error("expected a refusal");
}

/** The PDF engine of the final document takes the image as it is stored. */
async function embeds(image: { bytes: Uint8Array; type: string }) {
  const doc = await PDFDocument.create();
  const embedded = image.type === "image/png" ? await doc.embedPng(image.bytes) : await doc.embedJpg(image.bytes);
  return { width: embedded.width, height: embedded.height };
}

describe("a decompression bomb", () => {
  it("is refused from its header, quickly and without being decoded", async () => {
    const bomb = bombPng();
    expect(bomb.length).toBeLessThan(512 * 1024);
    expect(readImageHeader(bomb)).toMatchObject({ type: "image/png", width: 12_000, height: 12_000 });
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    for (const drawn of [false, true]) expect(await refusalCode(prepareSignatureImage(bomb, { drawn }))).toBe("BAD_IMAGE");
    expect(performance.now() - started).toBeLessThan(200);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(32 * 1024 * 1024);
    expect(decoder.calls).toBe(0);
  });

  it("declaring one pixel too many on a side is refused the same way", async () => {
    expect(await refusalCode(prepareSignatureImage(strokePng(1, 2401, 40), { drawn: true }))).toBe("BAD_IMAGE");
    expect(decoder.calls).toBe(0);
  });
});

describe("JPEG colour components", () => {
  it.each([2, 5])("refuses a JPEG whose frame declares %i components, before decoding", async (components) => {
    const jpeg = tinyJpeg({ components });
    expect(readImageHeader(jpeg)).toMatchObject({ type: "image/jpeg", components });
    expect(await refusalCode(prepareSignatureImage(jpeg, { drawn: false }))).toBe("BAD_IMAGE");
    expect(decoder.calls).toBe(0);
    expect(usableInPdf(jpeg)).toBe(false);
  });

  it.each([1, 3, 4])("writes a JPEG of %i components anew as a baseline JPEG the PDF engine embeds", async (components) => {
    const image = await prepareSignatureImage(tinyJpeg({ components }), { drawn: false });
    expect(image.type).toBe("image/jpeg");
    const header = readImageHeader(image.bytes)!;
    expect(header).toMatchObject({ type: "image/jpeg", width: 8, height: 8, frame: 0xc0, bitDepth: 8 });
    expect([1, 3]).toContain(header.components);
    expect(await embeds(image)).toEqual({ width: 8, height: 8 });
    expect(usableInPdf(image.bytes)).toBe(true);
  });
});

describe("PNG", () => {
  it("writes a seal anew as 8-bit RGBA, keeping its transparency and its pixels", async () => {
    const original = hankoPng();
    const image = await prepareSignatureImage(original, { drawn: false });
    expect(image.type).toBe("image/png");
    const before = PNG.sync.read(Buffer.from(original));
    const after = PNG.sync.read(Buffer.from(image.bytes));
    expect([after.width, after.height]).toEqual([before.width, before.height]);
    expect(Buffer.compare(after.data, before.data)).toBe(0);
    expect(await embeds(image)).toEqual({ width: 200, height: 200 });
  });

  it("refuses an empty drawing after decoding it, and a JPEG as a drawing before", async () => {
    const empty = new PNG({ width: 100, height: 40 });
    empty.data.fill(0);
    expect(await refusalCode(prepareSignatureImage(new Uint8Array(PNG.sync.write(empty)), { drawn: true }))).toBe("EMPTY_SIGNATURE");
    decoder.calls = 0;
    expect(await refusalCode(prepareSignatureImage(tinyJpeg(), { drawn: true }))).toBe("BAD_IMAGE");
    expect(decoder.calls).toBe(0);
  });
});
