import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/lib/testing/test-db";
import { rangesOfOwnSeal } from "./check-container";
import { encodedLength } from "./cms";
import { sealPdf } from "./seal-pdf";
import { makePdf, pdfsigOutput, pdfsigVerdict, seededRandom } from "./test-support";
import { verifySeal } from "./verify-seal";

useTestDatabase();

let folder = "";
let sealed: Buffer;
/** Where the hex of the CMS starts and ends in the sealed file (the rest of /Contents is zeros). */
let cmsHex: { start: number; end: number };

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "verify-seal-test-"));
  vi.spyOn(console, "info").mockImplementation(() => {});
  sealed = Buffer.from(await sealPdf(await makePdf({ pages: 3 }), { reason: "Final communique", location: "Niigata", name: "Association of Mayors" }));
  const [[, gapStart], [gapEnd]] = rangesOfOwnSeal(sealed);
  const raw = Buffer.from(sealed.subarray(gapStart + 1, gapEnd - 1).toString("latin1"), "hex");
  cmsHex = { start: gapStart + 1, end: gapStart + 1 + 2 * encodedLength(raw) };
});
afterAll(async () => {
  vi.restoreAllMocks();
  await rm(folder, { recursive: true, force: true });
});

/** The file with one byte replaced by a different one. */
function withByte(position: number, value: number): Buffer {
  const copy = Buffer.from(sealed);
  copy[position] = value;
  return copy;
}

/**
 * Changes `count` random single bytes in [from, to) and returns the ones verifySeal still
 * accepts, and the ones on which pdfsig (the independent check) disagrees with it.
 */
async function undetectedChanges(seed: number, count: number, from: number, to: number) {
  const random = seededRandom(seed);
  const undetected: { position: number; from: number; to: number }[] = [];
  const disagreements: { position: number; ours: string; pdfsig: string }[] = [];
  const [[, gapStart], [gapEnd]] = rangesOfOwnSeal(sealed);
  for (let i = 0; i < count; i++) {
    const position = from + Math.floor(random() * (to - from));
    const original = sealed[position] ?? 0;
    const replacement = (original + 1 + Math.floor(random() * 255)) % 256;
    const changed = withByte(position, replacement);
    const result = await verifySeal(changed);
    if (result.valid) undetected.push({ position, from: original, to: replacement });
    const ours = result.valid && result.coversWholeDocument ? "valid" : "not valid";
    const pdfsig = await pdfsigVerdict(await saved(`change-${seed}-${i}.pdf`, changed));
    // pdfsig accepts some changes inside the unsigned /Contents string (padding, trailing
    // bytes) that the in-process check refuses by design; anywhere else they must agree.
    const inContents = position >= gapStart && position < gapEnd;
    if (ours !== pdfsig && !(ours === "not valid" && inContents)) disagreements.push({ position, ours, pdfsig });
  }
  return { undetected, disagreements };
}

describe("verifySeal on changed files", () => {
  it("accepts the untouched seal", async () => {
    expect(await verifySeal(sealed)).toMatchObject({ signed: true, valid: true, coversWholeDocument: true });
  });

  it("agrees with pdfsig on the untouched seal", async () => {
    expect(await pdfsigVerdict(await saved("untouched.pdf", sealed))).toBe("valid");
  });

  it("detects every one of 100 random single-byte changes anywhere in the file, and pdfsig agrees", async () => {
    expect(await undetectedChanges(20261122, 100, 0, sealed.length)).toEqual({ undetected: [], disagreements: [] });
  });

  it("detects every one of 100 random single-byte changes inside the signature's CMS", async () => {
    // Most of the file is /Contents padding; here the changes hit the certificate and
    // the signature structure, which the signature itself does not cover.
    expect((await undetectedChanges(7, 100, cmsHex.start, cmsHex.end)).undetected).toEqual([]);
  });

  it("rejects a changed name in the embedded certificate, which pdfsig alone accepts", async () => {
    const name = Buffer.from("Association of Mayors — Communiqué seal").toString("hex");
    const text = sealed.toString("latin1");
    const issuer = text.indexOf(name, cmsHex.start);
    const subject = text.indexOf(name, issuer + 1);
    expect(subject).toBeGreaterThan(issuer);
    expect(subject).toBeLessThan(cmsHex.end);
    // "41" ("A") becomes "42" ("B") in the certificate's subject.
    const changed = withByte(subject + 1, "2".charCodeAt(0));
    const file = path.join(folder, "renamed.pdf");
    await writeFile(file, changed);
    const report = await pdfsigOutput(file);
    expect(report).toContain("Signer Certificate Common Name: Bssociation of Mayors");
    expect(report).toContain("Signature Validation: Signature is Valid.");

    const result = await verifySeal(changed);
    expect(result).toMatchObject({ signed: true, valid: false });
    expect(result.signer).toBeUndefined();
  });

  it("rejects the same signature written with an upper-case hex digit", async () => {
    const text = sealed.toString("latin1");
    const letter = text.slice(cmsHex.start, cmsHex.end).search(/[a-f]/) + cmsHex.start;
    const changed = withByte(letter, text.charCodeAt(letter) - 0x20);
    expect((await pdfsigOutput(await saved("upper.pdf", changed))).includes("Signature is Valid.")).toBe(true);
    expect(await verifySeal(changed)).toMatchObject({ signed: true, valid: false });
  });

  it("reports content appended after the seal as not covering the whole document", async () => {
    const appended = Buffer.concat([sealed, Buffer.from("\n% appended\n")]);
    const result = await verifySeal(appended);
    expect(result).toMatchObject({ signed: true, coversWholeDocument: false });
    expect(result.details).toMatch(/does not cover the whole document/);
  });
});

describe("verifySeal on other files", () => {
  it("reports an unsigned PDF as not signed", async () => {
    expect(await verifySeal(await makePdf())).toMatchObject({ signed: false, valid: false, coversWholeDocument: false });
  });

  it("reports random bytes and an empty file as not signed, without throwing", async () => {
    for (const bytes of [randomBytes(4096), Buffer.alloc(0), Buffer.from("%PDF-1.7\n%%EOF\n")]) {
      const result = await verifySeal(bytes);
      expect(result).toMatchObject({ signed: false, valid: false, coversWholeDocument: false, certificateTrusted: false });
      expect(result.details).not.toBe("");
    }
  });

  it("needs no outside program: with nothing on PATH, the seal still verifies", async () => {
    const path = process.env.PATH;
    process.env.PATH = folder;
    try {
      expect(await verifySeal(sealed)).toMatchObject({ signed: true, valid: true, checked: true });
    } finally {
      process.env.PATH = path;
    }
  });
});

async function saved(name: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(folder, name);
  await writeFile(file, bytes);
  return file;
}
