import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommuniqueContent } from "@/lib/communique/content";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { renderCommuniquePdf } from "@/lib/pdf";
import type { RevisionPayload } from "@/lib/revisions/revision-payload";
import { rangesOfOwnSeal } from "@/lib/seal/check-container";
import { sealPdf } from "@/lib/seal/seal-pdf";
import { makeLoopingFieldTreePdf, makeP12, pdfsigVerdict, seededRandom } from "@/lib/seal/test-support";
import { approvalActors, type Actors } from "@/lib/testing/approval-fixtures";
import { refusal } from "@/lib/testing/drafting-fixtures";
import { sha256, signAll, signingCommunique, useSigningDatabase } from "@/lib/testing/signing-fixtures";
import { getSealCertificate } from "@/lib/seal/seal-certificate";
import { verifyDocument } from "./verify-document";

useSigningDatabase();

let as: Actors;
let pdf: Uint8Array;
let content: CommuniqueContent;
let meeting: { ordinal: string; number: number; line: { ru: string; ja: string } };
let meetingId: string;
let folder = "";

afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "verify-document-test-"));
  as = await approvalActors();
  const c = await signingCommunique(as);
  await signAll(as, c.communiqueId, c.hash, c.signatories);
  const final = await db.finalDocument.findUniqueOrThrow({ where: { communiqueId: c.communiqueId } });
  pdf = new Uint8Array(final.pdf);
  const revision = await db.revision.findUniqueOrThrow({ where: { id: c.revisionId } });
  content = (revision.content as unknown as RevisionPayload).content;
  const m = await db.meeting.findUniqueOrThrow({ where: { id: c.meetingId } });
  meetingId = m.id;
  meeting = { ordinal: m.ordinal, number: m.number, line: { ru: `${m.ordinal} ${m.nameRu.replace(/^Встреча /, "Встречи ")}`, ja: `第${m.number}回${m.nameJa}` } };
});

const NOT_OURS = { genuine: false, meeting: null, signedOn: null, signers: [] };

/** The verdict on a changed copy: not on record and no valid seal of ours; or not a PDF at all when the header was hit. */
async function expectRejected(bytes: Uint8Array, label: string) {
  let result: Awaited<ReturnType<typeof verifyDocument>>;
  try {
    result = await verifyDocument(bytes);
  } catch (error) {
    expect(error, label).toBeInstanceOf(AppError);
    expect((error as AppError).code, label).toBe("NOT_A_PDF");
    return;
  }
  expect(result, label).toMatchObject(NOT_OURS);
  expect(result.seal.valid, label).toBe(false);
  return result;
}

describe("the stored final document", () => {
  it("is genuine, with its meeting, its eight signers and our valid seal over the whole file", async () => {
    const result = await verifyDocument(pdf);
    expect(result).toMatchObject({ sha256: sha256(pdf), genuine: true, meeting });
    expect(result.signers).toHaveLength(8);
    expect(result.seal).toEqual({ checked: true, signed: true, valid: true, intact: true, coversWholeDocument: true, certificateTrusted: false });
  });

  it("describes the document as it was signed, whatever the meeting and the people are called today", async () => {
    const before = await verifyDocument(pdf);
    // Renamed behind the app's back (the app itself refuses to change a signed meeting).
    const person = await db.signatory.findFirstOrThrow({ where: { meetingId }, orderBy: { position: "asc" }, include: { person: true } });
    const original = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    await db.meeting.update({ where: { id: meetingId }, data: { ordinal: "MMM", nameRu: "Встреча переименована", nameJa: "改名された会議" } });
    await db.person.update({ where: { id: person.personId }, data: { nameRu: "Другое имя", nameJa: "別名" } });
    try {
      const after = await verifyDocument(pdf);
      expect(after.meeting).toEqual(meeting);
      expect(after.signers).toEqual(before.signers);
      expect(after.signers.map((s) => s.name.ru)).toContain(person.person.nameRu);
    } finally {
      await db.meeting.update({ where: { id: meetingId }, data: { ordinal: original.ordinal, nameRu: original.nameRu, nameJa: original.nameJa } });
      await db.person.update({ where: { id: person.personId }, data: { nameRu: person.person.nameRu, nameJa: person.person.nameJa } });
    }
  });

  it("a copy in another buffer (a fresh upload) is just as genuine", async () => {
    const copy = new Uint8Array(pdf.length + 10).subarray(5, 5 + pdf.length);
    copy.set(pdf);
    expect((await verifyDocument(copy)).genuine).toBe(true);
  });
});

describe("changed copies", () => {
  it("100 random single-byte changes: none is genuine, none carries a valid seal of ours, and pdfsig agrees", async () => {
    const random = seededRandom(20190824);
    const [[, gapStart], [gapEnd]] = rangesOfOwnSeal(Buffer.from(pdf));
    for (let i = 0; i < 100; i++) {
      const position = Math.floor(random() * pdf.length);
      const changed = Uint8Array.from(pdf);
      changed[position] = pdf[position]! ^ (1 + Math.floor(random() * 255));
      const label = `change #${i} at byte ${position} (0x${pdf[position]!.toString(16)} → 0x${changed[position]!.toString(16)})`;
      await expectRejected(changed, label);
      // The independent check: outside the unsigned /Contents string (whose padding pdfsig
      // does not read), poppler must find the signature broken too.
      if (position < gapStart || position >= gapEnd) {
        const file = path.join(folder, `change-${i}.pdf`);
        await writeFile(file, changed);
        expect(await pdfsigVerdict(file), label).toBe("not valid");
      }
    }
  });

  it("30 changes inside the signature's hex string (the part the signed ranges leave out), in the CMS and in its padding, are caught too", async () => {
    const [[, end1], [start2]] = rangesOfOwnSeal(Buffer.from(pdf));
    // "<" + the CMS in hex + zero padding + ">": half the changes in the CMS, half in the padding.
    const hex = Buffer.from(pdf.subarray(end1 + 1, start2 - 1)).toString("latin1");
    const cmsEnd = hex.search(/0*$/);
    expect(cmsEnd).toBeGreaterThan(1000);
    expect(hex.length - cmsEnd).toBeGreaterThan(1000);
    const random = seededRandom(27);
    const hexDigits = "0123456789abcdef";
    for (let i = 0; i < 30; i++) {
      // Each replacement still a hex digit (or the same digit in upper case).
      const offset = i % 2 === 0 ? Math.floor(random() * cmsEnd) : cmsEnd + Math.floor(random() * (hex.length - cmsEnd));
      const position = end1 + 1 + offset;
      const old = String.fromCharCode(pdf[position]!);
      const candidates = [...hexDigits.replace(old.toLowerCase(), ""), ...(/[a-f]/.test(old) ? [old.toUpperCase()] : [])];
      const replacement = candidates[Math.floor(random() * candidates.length)]!;
      const changed = Uint8Array.from(pdf);
      changed[position] = replacement.charCodeAt(0);
      const result = await expectRejected(changed, `hex change #${i} at byte ${position} (${old} → ${replacement})`);
      expect(result?.seal.signed, `hex change #${i}`).toBe(true);
    }
  });

  it("bytes added after the end: not genuine, and the seal no longer covers the whole file", async () => {
    const appended = new Uint8Array([...pdf, ...new TextEncoder().encode("\n% appended\n")]);
    const result = await verifyDocument(appended);
    expect(result).toMatchObject(NOT_OURS);
    // The signature still verifies over what it signed; what was added is what the report tells (the page shows both).
    expect(result.seal).toMatchObject({ signed: true, coversWholeDocument: false });
  });
});

describe("large and hostile uploads", () => {
  it("a sealed communiqué over 1 MB (3,000 clauses) has a valid seal of ours, as pdfsig says too", async () => {
    const clause = content.blocks.find((b) => b.kind === "clause");
    if (!clause || clause.kind !== "clause") throw new Error("The communiqué has no clause");
    const at = content.blocks.indexOf(clause);
    const clauses = Array.from({ length: 3000 }, (_, i) => ({ ...clause, id: `${clause.id}-${i}`, number: clause.number === undefined ? undefined : i + 1 }));
    const long = { ...content, blocks: [...content.blocks.slice(0, at), ...clauses, ...content.blocks.slice(at + 1)] };
    const sealed = await sealPdf(await renderCommuniquePdf(long, { draft: false, forSealing: true }), { reason: "test", location: "Хабаровск", name: "test" });
    expect(sealed.length).toBeGreaterThan(1024 * 1024);
    const result = await verifyDocument(sealed);
    expect(result.seal).toEqual({ checked: true, signed: true, valid: true, intact: true, coversWholeDocument: true, certificateTrusted: false });
    const file = path.join(folder, "long.pdf");
    await writeFile(file, sealed);
    expect(await pdfsigVerdict(file)).toBe("valid");
  });

  it("a PDF whose form field tree loops gets an answer at once: signed, not a valid seal", async () => {
    const started = performance.now();
    const result = await verifyDocument(makeLoopingFieldTreePdf());
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(result).toMatchObject(NOT_OURS);
    expect(result.seal).toMatchObject({ checked: true, signed: true, valid: false, intact: false });
  });
});

describe("files that are not PDFs", () => {
  it("refuses random bytes, 'hello' and an empty file (NOT_A_PDF)", async () => {
    const random = seededRandom(5);
    const noise = Uint8Array.from({ length: 4096 }, () => Math.floor(random() * 256));
    for (const [label, bytes] of [
      ["random bytes", noise],
      ["hello", new TextEncoder().encode("hello")],
      ["empty", new Uint8Array()],
      ["the PDF without its first byte", pdf.subarray(1)],
    ] as const) {
      const error = await refusal(verifyDocument(bytes));
      expect(error.code, label).toBe("NOT_A_PDF");
    }
  });

  it("answers, without failing, for a file that only starts like a PDF", async () => {
    const result = await verifyDocument(new TextEncoder().encode("%PDF-1.7\nhello\n%%EOF\n"));
    expect(result).toMatchObject(NOT_OURS);
    expect(result.seal).toEqual({ checked: true, signed: false, valid: false, intact: false, coversWholeDocument: false, certificateTrusted: false });
  });
});

describe("PDFs that are not a signed communiqué", () => {
  it("a draft render of the same revision: not genuine, not sealed", async () => {
    const draft = await renderCommuniquePdf(content, { draft: true });
    const result = await verifyDocument(draft);
    expect(result).toMatchObject(NOT_OURS);
    expect(result.seal).toEqual({ checked: true, signed: false, valid: false, intact: false, coversWholeDocument: false, certificateTrusted: false });
  });

  it("a render sealed with our certificate but never recorded: a valid seal of ours, yet not genuine", async () => {
    const unsealed = await renderCommuniquePdf(content, { draft: false, forSealing: true });
    const sealed = await sealPdf(unsealed, { reason: "test", location: "Хабаровск", name: "test" });
    const result = await verifyDocument(sealed);
    expect(result).toMatchObject(NOT_OURS);
    expect(result.seal).toMatchObject({ signed: true, valid: true, coversWholeDocument: true });
  });

  it("a render sealed with a look-alike certificate: signed, but not a valid seal of ours", async () => {
    const passphrase = "look-alike";
    const { p12 } = makeP12(passphrase, { withCa: false });
    const ours = await getSealCertificate();
    const unsealed = await renderCommuniquePdf(content, { draft: false, forSealing: true });
    const sealed = await sealPdf(unsealed, {
      reason: "Communiqué signed by all signatories",
      location: "Хабаровск",
      name: ours.subject,
      certificate: { p12, passphrase, subject: ours.subject, selfSigned: true, fingerprintSha256: "0".repeat(64) },
    });
    const result = await verifyDocument(sealed);
    expect(result).toMatchObject(NOT_OURS);
    // The signature itself is intact (pdfsig would call it valid): it is just not this association's seal.
    expect(result.seal).toMatchObject({ signed: true, valid: false, intact: true });
  });
});
