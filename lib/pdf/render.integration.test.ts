import { PNG } from "pngjs";
import { beforeAll, describe, expect, it } from "vitest";
import type { CommuniqueContent, TextBlock } from "@/lib/communique/content";
import { seedCommuniqueContent } from "@/lib/communique/seed-content";
import { readPdf } from "./check/read-pdf";
import { renderCommuniquePdf } from "./index";
import { pdffonts, pdfinfo, pdftoppm, pdftotext } from "./testing/poppler";

const squash = (s: string) => s.replace(/[\s\u00a0\u3000]/gu, "");

describe("rendering the XXVII communiqué", () => {
  let content: CommuniqueContent;
  let pdf: Uint8Array;
  beforeAll(async () => {
    content = seedCommuniqueContent();
    pdf = await renderCommuniquePdf(content, {
      draft: false,
      metadata: { author: "Секретариат", subject: "XXVII", creationDate: new Date("2019-08-24T03:00:00Z") },
    });
  });

  it("embeds both weights of the font as tagged subsets with Unicode maps", () => {
    const rows = pdffonts(pdf).split("\n").slice(2).filter(Boolean);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatch(/^[A-Z]{6}\+NotoSerifJP-(Regular|Bold)\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    // A subset: the whole face is 7.6 MB.
    expect(pdf.length).toBeLessThan(400_000);
  });

  it("sets title, author, subject, creation date and the document language", async () => {
    const info = pdfinfo(pdf);
    expect(info).toMatch(/Title:\s+Коммюнике XXVII Встречи мэров \/ 第27回日ロ沿岸市長会議/);
    expect(info).toMatch(/Author:\s+Секретариат/);
    expect(info).toMatch(/Subject:\s+XXVII/);
    expect(info).toMatch(/CreationDate:\s+2019-08-24T03:00:00/);
    const read = await readPdf(pdf);
    expect(read.catalogLang).toBe("ru");
    expect(new TextDecoder().decode(read.pages[0]!.content)).toContain("/Lang (ja)");
  });

  it("extracts every block whole and in reading order, in both languages", () => {
    const raw = pdftotext(pdf, ["-raw"]);
    const text = squash(raw);
    const textBlocks = content.blocks.filter((b): b is TextBlock => b.kind !== "participants");
    const found = textBlocks.map((b) => text.indexOf(squash(b.text.ru)));
    // A block split by a page break is interrupted by the footer and header; all others are contiguous.
    expect(found.filter((at) => at >= 0).length).toBeGreaterThanOrEqual(textBlocks.length - 3);
    const positions = found.filter((at) => at >= 0);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const japanese = textBlocks.filter((b) => text.includes(squash(b.text.ja)));
    expect(japanese.length).toBeGreaterThanOrEqual(textBlocks.length - 3);
    // Hyphenated words come out whole: no line-end hyphen leaks into the extracted text.
    const source = squash(JSON.stringify(content));
    for (const line of raw.split("\n").filter((l) => /[а-яё]-$/.test(l))) expect(source).toContain(squash(line.slice(-10)));
  });

  it("keeps each column's text together, Russian before Japanese, block by block", () => {
    const raw = squash(pdftotext(pdf, ["-raw"]));
    const clause = content.blocks.find((b) => b.kind === "clause" && raw.includes(squash(b.text.ru)) && raw.includes(squash(b.text.ja)));
    if (!clause || clause.kind === "participants") throw new Error("no clause extracted whole");
    const ru = raw.indexOf(squash(clause.text.ru));
    const ja = raw.indexOf(squash(clause.text.ja));
    expect(ja).toBeGreaterThan(ru);
    expect(ja).toBe(ru + squash(clause.text.ru).length);
  });

  it("draws real glyphs: pages rendered to pixels have ink in both columns", () => {
    const pages = pdftoppm(pdf, 40);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const bytes of pages) {
      const png = PNG.sync.read(Buffer.from(bytes));
      let left = 0, right = 0;
      for (let y = 0; y < png.height; y++) for (let x = 0; x < png.width; x++) {
        const i = (y * png.width + x) * 4;
        if (png.data[i]! < 128) { if (x < png.width / 2) left++; else right++; }
      }
      expect(left).toBeGreaterThan(300);
      expect(right).toBeGreaterThan(300);
    }
  });

  it("renders a draft with the watermark, and signatures above the signature lines", async () => {
    const { scribblePng } = await import("./testing/signature-image");
    const signed = await renderCommuniquePdf(content, {
      draft: true,
      signatures: Object.fromEntries(content.signatories.map((s, i) => [s.id, { image: scribblePng(i), signedAt: "2019-08-24T11:00:00+12:00" }])),
    });
    const text = pdftotext(signed, ["-raw"]);
    expect(squash(text)).toContain("ПРОЕКТ草案");
    expect(text).toContain("24 августа 2019 г.");
    expect(text.split("2019年8月24日").length - 1).toBeGreaterThan(1);
    const read = await readPdf(signed);
    const last = new TextDecoder().decode(read.pages[read.pages.length - 1]!.content);
    expect(last.match(/\/Im\d+ Do/g)?.length).toBe(content.signatories.length);
  });
});
