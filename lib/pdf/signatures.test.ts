import { PDFDict, PDFName, PDFRawStream } from "@cantoo/pdf-lib";
import { PDFDocument } from "@cantoo/pdf-lib";
import { PNG } from "pngjs";
import { beforeAll, describe, expect, it } from "vitest";
import type { CommuniqueContent } from "@/lib/communique/content";
import { seedCommuniqueContent } from "@/lib/communique/seed-content";
import { checkPdf } from "./check";
import { loadFonts } from "./fonts";
import { layoutPages, renderCommuniquePdf, type SignatureInput } from "./index";
import type { Placed } from "./layout-model";
import { imageSize } from "./signature-marks";
import { fixtureJpeg, scribblePng } from "./testing/signature-image";
import { pdftoppm, pdftotext } from "./testing/poppler";

type Image = Extract<Placed, { type: "image" }>;
type Rule = Extract<Placed, { type: "rule" }>;
const squash = (s: string) => s.replace(/[\s\u00a0\u3000]/gu, "");
const SIGNED_AT = "2019-08-24T11:00:00+12:00";

/**
 * The seed's signatories signing in every way the app allows: a drawn signature as an
 * RGBA PNG and as a grey PNG with alpha, a scanned signature and a seal as JPEG, and
 * names typed in Russian and in Japanese.
 */
function signaturesFor(content: CommuniqueContent): Record<string, SignatureInput> {
  const ru = content.signatories.filter((s) => s.side === "RU");
  const jp = content.signatories.filter((s) => s.side === "JP");
  const out: Record<string, SignatureInput> = {
    [ru[0]!.id]: { image: scribblePng(1), signedAt: SIGNED_AT },
    [jp[0]!.id]: { image: scribblePng(2, 300, 150, 4), signedAt: SIGNED_AT },
    [ru[1]!.id]: { image: fixtureJpeg("signature-scan"), signedAt: SIGNED_AT },
    [jp[1]!.id]: { image: fixtureJpeg("seal"), signedAt: SIGNED_AT },
    [ru[2]!.id]: { typedName: "Гладких Б. И.", signedAt: SIGNED_AT },
    [jp[2]!.id]: { typedName: "松田滋人", signedAt: SIGNED_AT },
  };
  for (const s of [...ru.slice(3), ...jp.slice(3)]) out[s.id] = { image: scribblePng(7), signedAt: SIGNED_AT };
  return out;
}

describe("applied signatures in the signature blocks", () => {
  let content: CommuniqueContent;
  let signatures: Record<string, SignatureInput>;
  let pdf: Uint8Array;
  let images: Image[];
  let rules: Rule[];
  beforeAll(async () => {
    content = seedCommuniqueContent();
    signatures = signaturesFor(content);
    pdf = await renderCommuniquePdf(content, { draft: false, signatures, metadata: { creationDate: new Date(0) } });
    const fonts = loadFonts();
    const pages = layoutPages(content, { draft: false, signatures }, { regular: fonts.regular.face, bold: fonts.bold.face });
    const last = pages[pages.length - 1]!.body;
    images = last.filter((i): i is Image => i.type === "image");
    rules = last.filter((i): i is Rule => i.type === "rule");
  });

  it("draws every image signature once, PNG with its alpha channel as a soft mask, JPEG as DCT", async () => {
    const doc = await PDFDocument.load(pdf);
    const last = doc.getPages()[doc.getPageCount() - 1]!;
    const xobjects = last.node.Resources()!.lookup(PDFName.of("XObject"), PDFDict);
    const kinds = xobjects.entries().map(([, ref]) => {
      const stream = doc.context.lookup(ref) as PDFRawStream;
      return { filter: String(stream.dict.get(PDFName.of("Filter"))), masked: stream.dict.has(PDFName.of("SMask")) };
    });
    const imageCount = Object.values(signatures).filter((s) => "image" in s).length;
    expect(kinds).toHaveLength(imageCount);
    expect(kinds.filter((k) => k.filter === "/DCTDecode")).toEqual([{ filter: "/DCTDecode", masked: false }, { filter: "/DCTDecode", masked: false }]);
    expect(kinds.filter((k) => k.filter === "/FlateDecode").every((k) => k.masked)).toBe(true);
  });

  it("keeps each image's aspect ratio and fits it above the centre of its signature line", () => {
    expect(images).toHaveLength(Object.values(signatures).filter((s) => "image" in s).length);
    for (const image of images) {
      const sig = signatures[image.signatoryId]!;
      if (!("image" in sig)) throw new Error("not an image signature");
      const px = imageSize(sig.image);
      expect(image.width / image.height).toBeCloseTo(px.width / px.height, 6);
      const line = rules.find((r) => r.x1 <= image.x && image.x + image.width <= r.x2 + 1e-6 && r.y < image.y && image.y - r.y < 3);
      expect(line, `no signature line under ${image.signatoryId}`).toBeDefined();
      expect(image.y - line!.y).toBeCloseTo(2, 6);
      expect(image.x + image.width / 2).toBeCloseTo((line!.x1 + line!.x2) / 2, 6);
      // Fitted into the signing area: at most the line's width, at most 32 pt tall, touching one of the two.
      expect(image.width).toBeLessThanOrEqual(line!.x2 - line!.x1 + 1e-6);
      expect(image.height).toBeLessThanOrEqual(32 + 1e-6);
      expect(Math.abs(image.width - (line!.x2 - line!.x1)) < 1e-6 || Math.abs(image.height - 32) < 1e-6).toBe(true);
    }
  });

  it("keeps transparent PNG pixels transparent and draws the JPEG's paper white", () => {
    const dpi = 100;
    const png = PNG.sync.read(Buffer.from(pdftoppm(pdf, dpi).pop()!));
    const ink = (image: Image) => {
      const s = dpi / 72;
      let dark = 0, all = 0;
      for (let y = Math.ceil((842 - image.y - image.height) * s) + 1; y < Math.floor((842 - image.y) * s) - 1; y++) {
        for (let x = Math.ceil(image.x * s) + 1; x < Math.floor((image.x + image.width) * s) - 1; x++) {
          const i = (y * png.width + x) * 4;
          all++;
          if (png.data[i]! + png.data[i + 1]! + png.data[i + 2]! < 3 * 160) dark++;
        }
      }
      return dark / all;
    };
    for (const image of images) {
      // The scribbles' transparent pixels are black: were the alpha dropped, the box would be black.
      const share = ink(image);
      expect(share, image.signatoryId).toBeGreaterThan(0.01);
      expect(share, image.signatoryId).toBeLessThan(0.35);
    }
  });

  it("prints the date of signing under each line, in each language's own form", () => {
    const text = pdftotext(pdf, ["-raw"]);
    const ru = content.signatories.filter((s) => s.side === "RU").length;
    const jp = content.signatories.filter((s) => s.side === "JP").length;
    expect(text.split("24 августа 2019 г.").length - 1).toBe(ru);
    // The signing date line of the communiqué itself is 2019年8月24日 too.
    expect(text.split("2019年8月24日").length - 1).toBe(jp + 1);
    expect(text).not.toMatch(/Подписано|日署名/);
  });

  it("sets typed names in the signing area, extractable, and the checker finds nothing wrong", async () => {
    const text = squash(pdftotext(pdf, ["-raw"]));
    expect(text).toContain(squash("Гладких Б. И."));
    expect(text).toContain("松田滋人");
    expect((await checkPdf(pdf)).findings).toEqual([]);
  });

  it("refuses a signature that is neither PNG nor JPEG", async () => {
    const id = content.signatories[0]!.id;
    await expect(renderCommuniquePdf(content, { draft: false, signatures: { [id]: { image: new Uint8Array([1, 2, 3]), signedAt: SIGNED_AT } } }))
      .rejects.toThrow(/neither PNG nor JPEG/);
  });
});
