import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/lib/testing/test-db";
import { fingerprintOf, openP12, subjectOf } from "./open-p12";
import { getSealCertificate, type SealCertificate } from "./seal-certificate";
import { sealPdf } from "./seal-pdf";
import { makeP12, makePdf, pdfsigOutput } from "./test-support";
import { verifySeal } from "./verify-seal";

useTestDatabase();

const OPTIONS = { reason: "Final communique, signed by all mayors", location: "Vladivostok", name: "Association of Mayors" };

let folder = "";
let seal: SealCertificate;
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "seal-pdf-test-"));
  vi.spyOn(console, "info").mockImplementation(() => {});
  seal = await getSealCertificate();
});
afterAll(async () => {
  vi.restoreAllMocks();
  await rm(folder, { recursive: true, force: true });
});

async function saved(name: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(folder, name);
  await writeFile(file, bytes);
  return file;
}

describe("sealPdf", () => {
  it("seals the whole file so that pdfsig and verifySeal find it valid", async () => {
    const pdf = await makePdf({ pages: 2 });
    const sealed = await sealPdf(pdf, OPTIONS);
    // An incremental update: the original bytes stay as they were.
    expect(Buffer.from(sealed.subarray(0, pdf.length)).equals(Buffer.from(pdf))).toBe(true);

    const file = await saved("sealed.pdf", sealed);
    const report = await pdfsigOutput(file);
    expect(report).toContain("Signature Validation: Signature is Valid.");
    expect(report).toContain("Total document signed");
    expect(report).toContain("Signature Type: ETSI.CAdES.detached");
    expect(report).toContain("Signer Certificate Common Name: Association of Mayors — Communiqué seal");
    expect(report).toContain("Signing Hash Algorithm: SHA-256");
    const text = (await promisify(execFile)("pdftotext", [file, "-"])).stdout;
    expect(text).toContain("Joint communique - page 2");

    const result = await verifySeal(sealed);
    expect(result).toMatchObject({
      signed: true,
      valid: true,
      coversWholeDocument: true,
      certificateTrusted: false,
      signer: "Association of Mayors — Communiqué seal",
      certificateFingerprintSha256: seal.fingerprintSha256,
      signatureCount: 1,
    });
    expect(Math.abs(Date.parse(result.signedAt ?? "") - Date.now())).toBeLessThan(60_000);
    expect(result.details).toMatch(/not trusted/);
  });

  it("seals with a configured CA-issued certificate with a non-ASCII name, chain included", async () => {
    const { p12 } = makeP12("pw");
    const { certificate } = openP12(p12, "pw", "test");
    const configured = { p12, passphrase: "pw", subject: subjectOf(certificate), selfSigned: false, fingerprintSha256: fingerprintOf(certificate) };
    const sealed = await sealPdf(await makePdf(), { ...OPTIONS, certificate: configured });

    const report = await pdfsigOutput(await saved("ca-sealed.pdf", sealed));
    expect(report).toContain("Signature Validation: Signature is Valid.");
    expect(report).toContain("Signer Certificate Common Name: Городская печать — 市の印");
    expect(await verifySeal(sealed)).toMatchObject({
      valid: true,
      coversWholeDocument: true,
      signer: "Городская печать — 市の印",
      certificateFingerprintSha256: configured.fingerprintSha256,
    });
  });

  it("refuses a PDF saved with object streams", async () => {
    const pdf = await makePdf({ objectStreams: true });
    await expect(sealPdf(pdf, OPTIONS)).rejects.toThrow(/object streams; render it for sealing/);
  });

  it("refuses what it cannot seal correctly", async () => {
    const pdf = await makePdf();
    await expect(sealPdf(new TextEncoder().encode("hello"), OPTIONS)).rejects.toThrow(/Not a PDF/);
    await expect(sealPdf(await sealPdf(pdf, OPTIONS), OPTIONS)).rejects.toThrow(/already signed/);
  });

  it("writes Russian and Japanese texts into the signature dictionary intact", async () => {
    const texts = {
      reason: "Коммюнике подписано всеми подписантами / 全署名者が署名",
      location: "Владивосток",
      name: seal.subject,
      contactInfo: "secretariat (at) example.org",
    };
    const sealed = Buffer.from(await sealPdf(await makePdf(), texts));
    const dictionary = sealed.toString("latin1");
    const read = (key: string) => {
      const hex = new RegExp(`/${key}\\s*<([0-9a-f]+)>`).exec(dictionary)?.[1];
      if (hex) return Buffer.from(hex, "hex").swap16().toString("utf16le").replace(/^\ufeff/, "");
      return new RegExp(`/${key}\\s*\\((.*?)\\)\\s*/`).exec(dictionary)?.[1]?.replace(/\\([()\\])/g, "$1");
    };
    expect(read("Reason")).toBe(texts.reason);
    expect(read("Location")).toBe(texts.location);
    expect(read("Name")).toBe(texts.name);
    expect(read("ContactInfo")).toBe(texts.contactInfo);
    expect(await verifySeal(sealed)).toMatchObject({ valid: true, coversWholeDocument: true });
  });
});
