/**
 * PDF typesetting: our engine against Chromium's page.pdf() printing an equivalent
 * two-column page with the same font files, in the same run. Warm = a long-running
 * process: fonts parsed and the JIT settled (ten renders of the seed first) / browser
 * running; on both sides each document is rendered (printed) once unmeasured before
 * its measured runs. Cold = a new process (engine) or a new browser (Chromium).
 *
 *   npm run bench -- pdf
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "@playwright/test";
import { renderCommuniquePdf } from "@/lib/pdf";
import { loadFonts } from "@/lib/pdf/fonts";
import { benchDocument, clauseCount, DOCUMENTS, type DocumentName } from "./pdf-documents";
import { communiqueHtml } from "./pdf-html";

const REPS: Record<DocumentName, number> = { seed: 9, "10": 9, "100": 7, "1000": 5 };
const CHROMIUM_REPS: Record<DocumentName, number> = { seed: 3, "10": 3, "100": 2, "1000": 1 };
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

interface Figures { warmMs: number; coldMs: number; bytes: number; maxRssMb?: number }

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const dir = mkdtempSync(join(tmpdir(), "bench-pdf-"));

async function engine(): Promise<Record<DocumentName, Figures>> {
  loadFonts();
  for (let i = 0; i < 10; i++) await renderCommuniquePdf(benchDocument("seed"), { draft: false });
  const out = {} as Record<DocumentName, Figures>;
  for (const name of DOCUMENTS) {
    const doc = benchDocument(name);
    await renderCommuniquePdf(doc, { draft: false }); // warm-up
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < REPS[name]; i++) {
      const t = performance.now();
      bytes = (await renderCommuniquePdf(doc, { draft: false })).length;
      times.push(performance.now() - t);
    }
    const t = performance.now();
    const child = spawnSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "pdf-cold.ts"), name], { encoding: "utf8" });
    const wall = performance.now() - t;
    if (child.status !== 0) throw new Error(child.stderr);
    const cold = JSON.parse(child.stdout.trim().split("\n").pop()!) as { maxRssMb: number };
    out[name] = { warmMs: median(times), coldMs: wall, bytes, maxRssMb: cold.maxRssMb };
  }
  return out;
}

function executablePath(): string | undefined {
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch { /* no bundled browser */ }
  return "/usr/bin/chromium";
}

async function print(browser: Browser, name: DocumentName): Promise<number> {
  const file = join(dir, `${name}.html`);
  writeFileSync(file, communiqueHtml(benchDocument(name)));
  const page = await browser.newPage();
  await page.goto(pathToFileURL(file).href);
  await page.evaluate(() => document.fonts.ready);
  const pdf = await page.pdf({
    format: "A4", printBackground: false, preferCSSPageSize: true, displayHeaderFooter: true,
    headerTemplate: "<span></span>",
    footerTemplate: '<div style="font-size:8pt;width:100%;text-align:center">Стр. <span class="pageNumber"></span> из <span class="totalPages"></span></div>',
  });
  await page.close();
  return pdf.length;
}

async function browserFigures(): Promise<Record<DocumentName, Figures>> {
  const launch = () => chromium.launch({ executablePath: executablePath(), args: ARGS });
  const out = {} as Record<DocumentName, Figures>;
  const browser = await launch();
  for (const name of DOCUMENTS) {
    await print(browser, name); // warm-up
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < CHROMIUM_REPS[name]; i++) {
      const t = performance.now();
      bytes = await print(browser, name);
      times.push(performance.now() - t);
    }
    out[name] = { warmMs: median(times), coldMs: 0, bytes };
  }
  await browser.close();
  for (const name of DOCUMENTS) {
    const t = performance.now();
    const cold = await launch();
    await print(cold, name);
    await cold.close();
    out[name]!.coldMs = performance.now() - t;
  }
  return out;
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const kb = (x: number) => (x / 1024).toFixed(0);

async function main() {
  const docs = Object.fromEntries(DOCUMENTS.map((n) => [n, clauseCount(benchDocument(n))])) as Record<DocumentName, number>;
  const ours = await engine();
  const theirs = await browserFigures();
  console.log("| document | clauses | engine warm ms | Chromium warm ms | warm speed-up | engine cold ms | Chromium cold ms | engine KB | Chromium KB | engine peak RSS MB |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const n of DOCUMENTS) {
    const a = ours[n]!, b = theirs[n]!;
    console.log(`| ${n === "seed" ? "XXVII (seed)" : `generated ${n}`} | ${docs[n]} | ${ms(a.warmMs)} | ${ms(b.warmMs)} | ${(b.warmMs / a.warmMs).toFixed(1)}× | ${ms(a.coldMs)} | ${ms(b.coldMs)} | ${kb(a.bytes)} | ${kb(b.bytes)} | ${a.maxRssMb?.toFixed(0)} |`);
  }
  const perClause = (n: "100" | "1000") => ours[n]!.warmMs / docs[n];
  const checks = [
    [`warm at least 10× faster than warm Chromium`, DOCUMENTS.every((n) => theirs[n]!.warmMs / ours[n]!.warmMs >= 10)],
    [`size no larger than Chromium's`, DOCUMENTS.every((n) => ours[n]!.bytes <= theirs[n]!.bytes)],
    [`time per clause at 1,000 ≤ 1.2 × at 100 (ratio ${(perClause("1000") / perClause("100")).toFixed(2)})`, perClause("1000") <= 1.2 * perClause("100")],
    [`peak RSS under 300 MB at 1,000 clauses (${ours["1000"]!.maxRssMb?.toFixed(0)} MB)`, (ours["1000"]!.maxRssMb ?? Infinity) < 300],
  ] as const;
  console.log("");
  for (const [label, ok] of checks) console.log(`- ${ok ? "met" : "NOT met"}: ${label}`);
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  rmSync(dir, { recursive: true, force: true });
  process.exit(1);
});
