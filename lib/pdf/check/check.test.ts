import { beforeAll, describe, expect, it } from "vitest";
import type { CommuniqueContent } from "@/lib/communique/content";
import { seedCommuniqueContent } from "@/lib/communique/seed-content";
import { loadFonts } from "../fonts";
import { generateCommunique } from "../generate-communique";
import { renderCommuniquePdf, layoutPages, type RenderOptions } from "../index";
import { sampleCertificate } from "../testing/certificate";
import type { PageLayout, Placed } from "../layout-model";
import { renderPdf, SOURCE_ATTACHMENT } from "../render";
import { checkPdf, type CheckName } from "./index";

type Line = Extract<Placed, { type: "line" }>;
const seed = seedCommuniqueContent();

/** Lays the seed out, lets a test damage the layout, and renders what is left. */
async function renderDamaged(
  damage: (pages: PageLayout[]) => void, content: CommuniqueContent = seed, options: Partial<RenderOptions> = {},
): Promise<Uint8Array> {
  const fonts = loadFonts();
  const pages = layoutPages(content, { draft: false, ...options }, { regular: fonts.regular.face, bold: fonts.bold.face });
  damage(pages);
  return renderPdf({
    pages, fonts, images: {},
    metadata: { title: "t", author: "a", subject: "s", keywords: [], creationDate: new Date(0), language: "ru" },
    source: { name: SOURCE_ATTACHMENT, bytes: new TextEncoder().encode(JSON.stringify(content)) },
  });
}

const bodyLines = (pages: PageLayout[]) => pages.flatMap((p) => p.body.filter((i): i is Line => i.type === "line"));
const justified = (pages: PageLayout[], lang: "ru" | "ja") => bodyLines(pages).filter((l) => l.line.lang === lang && l.line.justified && l.line.runs.length > 2);
const checksOf = async (pdf: Uint8Array) => new Set((await checkPdf(pdf)).findings.map((f) => f.check));

describe("pdf:check on good documents", () => {
  it("finds nothing wrong with the XXVII communiqué, and compares its text with the attached input", async () => {
    const report = await checkPdf(await renderCommuniquePdf(seed, { draft: true }));
    expect(report.textSource).toBe("attachment");
    expect(report.lines).toBeGreaterThan(200);
    expect(report.findings).toEqual([]);
  });

  it("finds nothing wrong with a generated 200-clause communiqué", async () => {
    const long = generateCommunique(seed, 200);
    const report = await checkPdf(await renderCommuniquePdf(long, { draft: false, embedSource: false }), long);
    expect(report.textSource).toBe("given");
    expect(report.pages).toBeGreaterThan(40);
    expect(report.findings).toEqual([]);
  }, 120_000);
});

describe("pdf:check on damaged documents", () => {
  let baseline: Set<CheckName>;
  beforeAll(async () => { baseline = await checksOf(await renderDamaged(() => {})); });

  it("the undamaged render is clean, so every finding below comes from the damage", () => {
    expect([...baseline]).toEqual([]);
  });

  it("reports a Japanese line that starts with a closing mark", async () => {
    const pdf = await renderDamaged((pages) => { const l = justified(pages, "ja")[0]!; l.line.runs[0]!.text = `、${l.line.runs[0]!.text}`; });
    expect(await checksOf(pdf)).toContain("kinsoku");
  });

  it("reports a Japanese line that ends with an opening bracket", async () => {
    const pdf = await renderDamaged((pages) => { const l = justified(pages, "ja")[1]!; const r = l.line.runs[l.line.runs.length - 1]!; r.text = `${r.text}「`; });
    expect(await checksOf(pdf)).toContain("kinsoku");
  });

  it("reports a line sticking out of its column", async () => {
    const pdf = await renderDamaged((pages) => { justified(pages, "ru")[3]!.x += 12; });
    expect(await checksOf(pdf)).toContain("overfull");
  });

  it("reports Russian word spaces wider than 1 em", async () => {
    const pdf = await renderDamaged((pages) => {
      const l = justified(pages, "ru")[2]!;
      l.line.runs.forEach((r, i) => { if (i > 0) r.x += 8; });
    });
    const findings = (await checkPdf(pdf)).findings.filter((f) => f.check === "word-space");
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/word space of 1\.\d+ em/);
  });

  it("reports columns of a row that do not start at the same height", async () => {
    const pdf = await renderDamaged((pages) => {
      for (const l of bodyLines(pages)) if (l.rowId === "clause-2" && l.column === "right") l.y -= 2;
    });
    const findings = (await checkPdf(pdf)).findings.filter((f) => f.check === "block-top");
    expect(findings.map((f) => f.block)).toEqual(["clause-2"]);
  });

  it("reports a glyph the font does not have", async () => {
    const pdf = await renderDamaged((pages) => { justified(pages, "ru")[0]!.line.runs[0]!.text = "\u0915"; });
    expect(await checksOf(pdf)).toContain("missing-glyph");
  });

  it("reports text that differs from the input", async () => {
    const pdf = await renderDamaged((pages) => { justified(pages, "ja")[4]!.line.runs.pop(); });
    const findings = (await checkPdf(pdf)).findings.filter((f) => f.check === "text");
    expect(findings).toHaveLength(1);
    expect(findings[0]!.lang).toBe("ja");
  });

  it("reports a line-end hyphen that leaks into the extracted text", async () => {
    const pdf = await renderDamaged((pages) => {
      const l = bodyLines(pages).find((x) => x.line.hyphenAt !== undefined)!;
      const last = l.line.runs[l.line.runs.length - 1]!;
      last.text = `${last.text}-`;
      l.line.hyphenAt = undefined;
    });
    expect((await checkPdf(pdf)).findings.some((f) => f.check === "text" && f.lang === "ru")).toBe(true);
  });

  it("holds the certificate of completion to the text block: wide table rows pass, a line past the margin does not", async () => {
    const certificate = sampleCertificate(6);
    expect((await checkPdf(await renderDamaged(() => {}, seed, { certificate }))).findings).toEqual([]);
    const pdf = await renderDamaged((pages) => {
      const lines = pages[pages.length - 1]!.body.filter((i): i is Line => i.type === "line" && i.fullWidth === true);
      const widest = lines.reduce((a, b) => (b.x + b.line.width > a.x + a.line.width ? b : a));
      widest.x += 20;
    }, seed, { certificate });
    const findings = (await checkPdf(pdf)).findings;
    expect(findings.map((f) => f.check)).toEqual(["overfull"]);
    expect(findings[0]!.message).toMatch(/text block/);
  });
});
