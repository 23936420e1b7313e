/**
 * Renders a communiqué PDF without the web server.
 *
 *   npm run pdf:render -- --seed --out xxvii.pdf
 *   npm run pdf:render -- --clauses 200 --draft --out long.pdf
 *   npm run pdf:render -- --input docs/examples/communique.json --out example.pdf
 *
 * Options: --draft (watermark), --signed (sample signatures on every block),
 * --certificate (a sample certificate of completion with 20 events as the last pages),
 * --for-sealing (no object streams, ready for a PAdES placeholder),
 * --creation-date ISO (fixed date for reproducible files).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { CommuniqueContent } from "@/lib/communique/content";
import { seedCommuniqueContent } from "@/lib/communique/seed-content";
import { MissingGlyphsError, renderCommuniquePdf } from "@/lib/pdf";
import { generateCommunique } from "@/lib/pdf/generate-communique";
import { sampleCertificate } from "@/lib/pdf/testing/certificate";
import { scribblePng } from "@/lib/pdf/testing/signature-image";

const { values } = parseArgs({
  options: {
    seed: { type: "boolean", default: false },
    clauses: { type: "string" },
    input: { type: "string" },
    out: { type: "string", default: "communique.pdf" },
    draft: { type: "boolean", default: false },
    signed: { type: "boolean", default: false },
    certificate: { type: "boolean", default: false },
    "for-sealing": { type: "boolean", default: false },
    "creation-date": { type: "string" },
  },
});

function content(): CommuniqueContent {
  if (values.input) {
    const parsed = JSON.parse(readFileSync(values.input, "utf8")) as CommuniqueContent;
    if (parsed?.schema !== 1 || !Array.isArray(parsed.blocks) || !Array.isArray(parsed.signatories)) {
      throw new Error(`${values.input} is not a communiqué (schema 1 with blocks and signatories); see docs/pdf-input.md`);
    }
    return parsed;
  }
  if (values.clauses) {
    const n = Number(values.clauses);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--clauses needs a positive whole number, got ${values.clauses}`);
    return generateCommunique(seedCommuniqueContent(), n);
  }
  if (values.seed) return seedCommuniqueContent();
  throw new Error("Say what to render: --seed, --clauses N or --input FILE.json");
}

async function main() {
  const doc = content();
  const signatures = values.signed
    ? Object.fromEntries(doc.signatories.map((s, i) => [s.id, { image: scribblePng(i + 1), signedAt: `${doc.signing.date}T10:00:00+12:00` }]))
    : undefined;
  const started = performance.now();
  const pdf = await renderCommuniquePdf(doc, {
    draft: values.draft,
    signatures,
    certificate: values.certificate ? sampleCertificate(20) : undefined,
    forSealing: values["for-sealing"],
    metadata: values["creation-date"] ? { creationDate: new Date(values["creation-date"]) } : undefined,
  });
  writeFileSync(values.out, pdf);
  console.log(`${values.out}: ${pdf.length} bytes in ${Math.round(performance.now() - started)} ms`);
}

main().catch((error: unknown) => {
  if (error instanceof MissingGlyphsError) {
    console.error(error.message);
    for (const m of error.missing) console.error(`  ${m.blockId} [${m.lang}] ${JSON.stringify(m.char)} U+${m.codePoint.toString(16).toUpperCase()}`);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
