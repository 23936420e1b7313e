import { PNG } from "pngjs";
import { beforeAll, describe, expect, it } from "vitest";
import type { CommuniqueContent } from "@/lib/communique/content";
import { seedCommuniqueContent } from "@/lib/communique/seed-content";
import { breakCode, CERTIFICATE_BLOCK_ID, type CompletionCertificate } from "./certificate";
import { checkPdf } from "./check";
import { loadFonts } from "./fonts";
import { layoutPages, MissingGlyphsError, renderCommuniquePdf } from "./index";
import type { PageLayout, Placed } from "./layout-model";
import { COLUMNS, TEXT_RIGHT } from "./page-geometry";
import { sampleCertificate } from "./testing/certificate";
import { pdftoppm, pdftotext } from "./testing/poppler";

type Line = Extract<Placed, { type: "line" }>;
const squash = (s: string) => s.replace(/[\s\u00a0\u3000]/gu, "");

describe("breakCode", () => {
  const width = (t: string) => t.length * 5;
  it("keeps what fits whole and breaks long codes after a colon or full stop", () => {
    expect(breakCode("203.0.113.10", width, 100)).toEqual(["203.0.113.10"]);
    expect(breakCode("2001:0db8:85a3:0000:0000:8a2e:0370:7334", width, 60)).toEqual(["2001:0db8:", "85a3:0000:", "0000:8a2e:", "0370:7334"]);
    expect(breakCode("3f2a9c1e7b4d5a6f", width, 40)).toEqual(["3f2a9c1e", "7b4d5a6f"]);
  });
});

describe("the certificate of completion", () => {
  let content: CommuniqueContent;
  let certificate: CompletionCertificate;
  let pdf: Uint8Array;
  let pages: PageLayout[];
  let plain: PageLayout[];
  beforeAll(async () => {
    content = seedCommuniqueContent();
    certificate = sampleCertificate(20);
    pdf = await renderCommuniquePdf(content, { draft: false, certificate, metadata: { creationDate: new Date(0) } });
    const fonts = loadFonts();
    const faces = { regular: fonts.regular.face, bold: fonts.bold.face };
    pages = layoutPages(content, { draft: false, certificate }, faces);
    plain = layoutPages(content, { draft: false }, faces);
  });
  const certificatePages = () => pages.slice(plain.length);

  it("follows the signature page on pages of its own, counted in the page numbers", () => {
    expect(pages.length).toBeGreaterThan(plain.length);
    for (const page of certificatePages()) {
      for (const item of page.body) if (item.type === "line") expect(item.blockId).toBe(CERTIFICATE_BLOCK_ID);
    }
    const text = pdftotext(pdf, ["-raw"]);
    expect(text).toContain(`Стр. ${pages.length} из ${pages.length}`);
    expect(text).toContain(`${pages.length}／${pages.length}頁`);
    expect(text).toContain("ЛИСТ ПОДТВЕРЖДЕНИЯ ПОДПИСАНИЯ");
    expect(text).toContain("署名完了証明書");
  });

  it("lets pdftotext extract every name, the hashes and every IP address", () => {
    for (const args of [["-raw"], []]) {
      const text = squash(pdftotext(pdf, args));
      expect(text).toContain(certificate.revision.hash);
      expect(text).toContain(certificate.auditHead);
      for (const e of certificate.events) {
        expect(text).toContain(squash(e.who.ru));
        expect(text).toContain(squash(e.who.ja));
        if (e.onBehalfOf) expect(text).toContain(squash(e.onBehalfOf.ru));
        expect(text).toContain(e.ip);
      }
    }
    const raw = squash(pdftotext(pdf, ["-raw"]));
    expect(raw).toContain(squash(certificate.sealNote.ru));
    expect(raw).toContain("2019-08-2403:19:13UTC");
  });

  it("repeats the table's header row on every page the table runs onto", () => {
    const certificatePageNumbers = certificatePages().map((p) => p.number);
    expect(certificatePageNumbers.length).toBeGreaterThan(1);
    for (const n of certificatePageNumbers.slice(1)) {
      const text = pdftotext(pdf, ["-raw", "-f", String(n), "-l", String(n)]);
      expect(text).toContain("(продолжение)");
      expect(text).toMatch(/IP-адрес/);
      expect(text).toMatch(/IPアドレス/);
    }
  });

  it("keeps every line inside the text block, in no row of the parallel columns", () => {
    for (const page of certificatePages()) {
      const lines = page.body.filter((i): i is Line => i.type === "line");
      expect(lines.length).toBeGreaterThan(10);
      for (const l of lines) {
        expect(l.fullWidth).toBe(true);
        expect(l.x + (l.line.runs[0]?.x ?? 0)).toBeGreaterThanOrEqual(COLUMNS.left.x - 1e-6);
        expect(l.x + l.line.width).toBeLessThanOrEqual(TEXT_RIGHT + 0.5);
      }
    }
  });

  it("gives the checker nothing to report", async () => {
    const report = await checkPdf(pdf);
    expect(report.textSource).toBe("attachment");
    expect(report.findings).toEqual([]);
  });

  it("has ink on the whole width of the page, like a table", () => {
    const png = PNG.sync.read(Buffer.from(pdftoppm(pdf, 40)[plain.length]!));
    const tenths = new Set<number>();
    for (let y = 0; y < png.height; y++) for (let x = 0; x < png.width; x++) {
      if (png.data[(y * png.width + x) * 4]! < 128) tenths.add(Math.floor((x / png.width) * 10));
    }
    expect([...tenths].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("refuses a certificate with a character the fonts cannot draw", async () => {
    const bad = sampleCertificate(2);
    bad.events[1]!.who = { ru: "Иванов", ja: "\u0915" };
    const attempt = renderCommuniquePdf(content, { draft: false, certificate: bad });
    await expect(attempt).rejects.toBeInstanceOf(MissingGlyphsError);
    await expect(attempt).rejects.toMatchObject({ missing: [{ blockId: CERTIFICATE_BLOCK_ID, lang: "ja", codePoint: 0x915 }] });
  });
});
