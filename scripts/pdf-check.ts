/**
 * Checks a communiqué PDF: kinsoku, overfull lines, Russian word spaces, row
 * alignment, missing glyphs, and extracted text against the input.
 *
 *   npm run pdf:check -- FILE.pdf [--input content.json] [--json]
 *
 * Without --input the content attached to the PDF is used. Exit code 1 on findings.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { CommuniqueContent } from "@/lib/communique/content";
import { checkPdf } from "@/lib/pdf/check";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { input: { type: "string" }, json: { type: "boolean", default: false } },
});

async function main() {
  const file = positionals[0];
  if (!file) throw new Error("Usage: npm run pdf:check -- FILE.pdf [--input content.json] [--json]");
  const input = values.input ? (JSON.parse(readFileSync(values.input, "utf8")) as CommuniqueContent) : undefined;
  const report = await checkPdf(new Uint8Array(readFileSync(file)), input);
  if (values.json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    console.log(`${file}: ${report.pages} pages, ${report.lines} lines, input text: ${report.textSource}`);
    if (report.textSource === "none") console.log("  (no input given or attached: text not compared)");
    for (const f of report.findings) {
      const where = [f.page && `p.${f.page}`, f.block, f.lang].filter(Boolean).join(" ");
      console.log(`  [${f.check}] ${where}: ${f.message}`);
    }
    console.log(report.findings.length ? `${report.findings.length} finding(s)` : "no findings");
  }
  process.exit(report.findings.length ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
