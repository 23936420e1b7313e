/** One cold render in a fresh process; prints its timing, size and peak memory as JSON. */
import { benchDocument, type DocumentName } from "./pdf-documents";

const started = performance.now();
const { renderCommuniquePdf } = await import("@/lib/pdf");
const name = process.argv[2] as DocumentName;
const doc = benchDocument(name);
const t0 = performance.now();
const pdf = await renderCommuniquePdf(doc, { draft: false, metadata: { creationDate: new Date("2019-08-24T00:00:00Z") } });
const t1 = performance.now();
console.log(JSON.stringify({
  renderMs: t1 - t0,
  sinceStartMs: t1 - started,
  bytes: pdf.length,
  maxRssMb: process.resourceUsage().maxRSS / 1024,
}));
