import { plainAddPlaceholder } from "@signpdf/placeholder-plain";
import { beforeAll, describe, expect, it } from "vitest";
import { seedCommuniqueContent } from "@/lib/communique/seed-content";
import { checkPdf } from "./check";
import { readPdf } from "./check/read-pdf";
import { renderCommuniquePdf } from "./index";
import { pdfinfo, pdftotext } from "./testing/poppler";

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString("latin1");
const squash = (s: string) => s.replace(/[\s\u00a0\u3000]/gu, "");

describe("rendering for a PAdES seal", () => {
  const content = seedCommuniqueContent();
  let usual: Uint8Array;
  let sealable: Uint8Array;
  beforeAll(async () => {
    const options = { draft: false, metadata: { creationDate: new Date("2019-08-24T03:00:00Z") } };
    usual = await renderCommuniquePdf(content, options);
    sealable = await renderCommuniquePdf(content, { ...options, forSealing: true });
  });

  it("writes no object streams and a classic cross-reference table (the usual render has object streams)", () => {
    expect(latin1(usual)).toContain("/ObjStm");
    const text = latin1(sealable);
    expect(text).not.toContain("/ObjStm");
    expect(text).not.toMatch(/\/Type\s*\/XRef/);
    expect(text).toMatch(/\nxref\n0 \d+\n/);
    expect(text).toMatch(/\ntrailer\n<<[^]*\/Root \d+ 0 R/);
  });

  it("reads the same: text, pages, metadata, attachment, no checker findings", async () => {
    expect(squash(pdftotext(sealable))).toBe(squash(pdftotext(usual)));
    expect(pdfinfo(sealable)).toMatch(/Pages:\s+4/);
    const report = await checkPdf(sealable);
    expect(report.textSource).toBe("attachment");
    expect(report.findings).toEqual([]);
  });

  it("takes a signature placeholder added by plain text, and stays readable", async () => {
    const withPlaceholder = plainAddPlaceholder({
      pdfBuffer: Buffer.from(sealable),
      reason: "test", contactInfo: "", name: "test", location: "test",
      signatureLength: 4096,
    });
    expect(latin1(withPlaceholder)).toContain("/ByteRange");
    expect((await readPdf(new Uint8Array(withPlaceholder))).pages).toHaveLength(4);
    expect(squash(pdftotext(new Uint8Array(withPlaceholder)))).toBe(squash(pdftotext(sealable)));
  });
});
