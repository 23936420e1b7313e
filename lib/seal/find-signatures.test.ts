import { describe, expect, it } from "vitest";
import { findSignatures, MAX_CANDIDATES, pdfDateToIso } from "./find-signatures";
import { MAX_DEPTH } from "./pdf-object";
import { makeLoopingFieldTreePdf } from "./test-support";
import { verifySeal } from "./verify-seal";
import { SealCheckTooComplex, workBudget } from "./work-budget";

const budget = () => workBudget(60_000);
const pdf = (body: string) => Buffer.from(`%PDF-1.7\n${body}\n%%EOF\n`, "latin1");
const SIG = "/Type /Sig /ByteRange [0 10 20 30] /Contents <0000> /M (D:20261122115005Z)";

describe("findSignatures", () => {
  it("reads a signature dictionary as an indirect object, and one written inside a field", () => {
    const found = findSignatures(pdf(`5 0 obj\n<< ${SIG} >>\nendobj\n6 0 obj << /FT /Sig /V << ${SIG} >> >> endobj`), budget());
    expect(found).toMatchObject({ kind: "signatures", signatures: [{ ranges: [[0, 10], [20, 50]] }, { ranges: [[0, 10], [20, 50]] }] });
  });

  it("does not count /ByteRange inside a string, a comment or outside any object", () => {
    const body = [
      "1 0 obj << /Title (a /ByteRange [0 1 2 3] in a string) >> endobj",
      "% /ByteRange [0 1 2 3] in a comment",
      "2 0 obj << /A 1 >> endobj /ByteRange [0 1 2 3]",
    ].join("\n");
    expect(findSignatures(pdf(body), budget())).toEqual({ kind: "unsigned" });
  });

  it("answers for a form whose field tree loops, within a fraction of a second", async () => {
    const looping = makeLoopingFieldTreePdf();
    expect(looping.length).toBeGreaterThan(170_000);
    const started = performance.now();
    const result = await verifySeal(looping);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(result).toMatchObject({ checked: true, signed: true, valid: false, signatureCount: 1 });
  });

  it("gives up, as 'cannot be checked', on more /ByteRange entries than a seal has", async () => {
    const many = Array.from({ length: MAX_CANDIDATES + 1 }, (_, i) => `${i + 1} 0 obj << ${SIG} >> endobj`).join("\n");
    const result = await verifySeal(pdf(many));
    expect(result).toMatchObject({ checked: false, valid: false });
    expect(result.details).toMatch(/cannot be checked/);
  });

  it("gives up, as 'cannot be checked', on a signature nested deeper than a seal is", async () => {
    const depth = MAX_DEPTH + 5;
    const result = await verifySeal(pdf(`1 0 obj ${"[".repeat(depth)}<< ${SIG} >>${"]".repeat(depth)} endobj`));
    expect(result).toMatchObject({ checked: false, valid: false });
  });

  it("gives up when the time budget is spent", () => {
    let now = 0;
    const clock = workBudget(100, () => now);
    expect(() => clock.check()).not.toThrow();
    now = 101;
    expect(() => clock.check()).toThrow(SealCheckTooComplex);
  });
});

describe("pdfDateToIso", () => {
  it("reads UTC and offset dates", () => {
    expect(pdfDateToIso("D:20261122115005Z")).toBe("2026-11-22T11:50:05.000Z");
    expect(pdfDateToIso("D:20261122205005+09'00'")).toBe("2026-11-22T11:50:05.000Z");
    expect(pdfDateToIso("yesterday")).toBeUndefined();
  });
});
