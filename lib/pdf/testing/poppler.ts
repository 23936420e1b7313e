import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Runs a poppler tool on PDF bytes in a scratch directory and returns what it wrote. */
function withPdf<T>(pdf: Uint8Array, run: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "communique-pdf-"));
  try {
    const file = join(dir, "doc.pdf");
    writeFileSync(file, pdf);
    return run(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function pdftotext(pdf: Uint8Array, args: string[] = ["-raw"]): string {
  return withPdf(pdf, (file) => execFileSync("pdftotext", [...args, file, "-"], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 }));
}

export function pdffonts(pdf: Uint8Array): string {
  return withPdf(pdf, (file) => execFileSync("pdffonts", [file], { encoding: "utf8" }));
}

export function pdfinfo(pdf: Uint8Array): string {
  return withPdf(pdf, (file) => execFileSync("pdfinfo", ["-isodates", file], { encoding: "utf8" }));
}

/** Every page as PNG bytes, in order. */
export function pdftoppm(pdf: Uint8Array, dpi: number): Uint8Array[] {
  return withPdf(pdf, (file, dir) => {
    execFileSync("pdftoppm", ["-png", "-r", String(dpi), file, join(dir, "page")]);
    return readdirSync(dir)
      .filter((f) => f.endsWith(".png"))
      .sort((a, b) => Number(/(\d+)\.png$/.exec(a)?.[1]) - Number(/(\d+)\.png$/.exec(b)?.[1]))
      .map((f) => new Uint8Array(readFileSync(join(dir, f))));
  });
}
