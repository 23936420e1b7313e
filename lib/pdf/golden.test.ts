import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { seedCommuniqueContent } from "@/lib/communique/seed-content";
import { renderCommuniquePdf } from "./index";
import { pdftoppm } from "./testing/poppler";

/**
 * The XXVII communiqué's pages against committed images. After an intended change
 * to the typesetting, look at the new pages and refresh them with
 * UPDATE_GOLDEN=1 npx vitest run lib/pdf/golden.test.ts
 */
const DIR = join(process.cwd(), "lib/pdf/golden");
const DPI = 50;
/** Share of pixels allowed to differ: anti-aliasing noise, not a moved line. */
const TOLERANCE = 0.002;

describe("golden pages of the XXVII communiqué", () => {
  it("renders every page as committed", async () => {
    const pdf = await renderCommuniquePdf(seedCommuniqueContent(), {
      draft: false,
      metadata: { creationDate: new Date("2019-08-24T00:00:00Z") },
    });
    const pages = pdftoppm(pdf, DPI);
    if (process.env.UPDATE_GOLDEN) {
      for (const f of readdirSync(DIR).filter((f) => f.endsWith(".png"))) rmSync(join(DIR, f));
      pages.forEach((png, i) => writeFileSync(join(DIR, `seed-page-${i + 1}.png`), png));
    }
    const committed = readdirSync(DIR).filter((f) => /^seed-page-\d+\.png$/.test(f));
    expect(pages.length).toBe(committed.length);
    pages.forEach((bytes, i) => {
      const file = join(DIR, `seed-page-${i + 1}.png`);
      expect(existsSync(file)).toBe(true);
      const want = PNG.sync.read(readFileSync(file));
      const got = PNG.sync.read(Buffer.from(bytes));
      expect([got.width, got.height]).toEqual([want.width, want.height]);
      const diff = pixelmatch(got.data, want.data, undefined, got.width, got.height, { threshold: 0.1 });
      expect(diff / (got.width * got.height), `page ${i + 1}: ${diff} pixels differ`).toBeLessThan(TOLERANCE);
    });
  });
});
