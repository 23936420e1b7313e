import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommuniqueContent, TextBlock } from "@/lib/communique/content";
import { db } from "@/lib/db";
import type { RevisionPayload } from "@/lib/revisions/revision-payload";
import { getSealCertificate } from "@/lib/seal/seal-certificate";
import { pdfsigOutput } from "@/lib/seal/test-support";
import {
  approvalActors,
  eventsOf,
  expectWrittenIn,
  HEADS,
  IVANOVA,
  KRAVCHUK,
  LOCALE_OF,
  mailsOf,
  statusOf,
  type Actors,
  linkedPage,
} from "@/lib/testing/approval-fixtures";
import { refusal } from "@/lib/testing/drafting-fixtures";
import {
  approvedCommunique,
  CONTEXT,
  mixedMethod,
  sha256,
  signAs,
  SIGNATORIES,
  squeeze,
  useSigningDatabase,
  type MeetingSignatory,
} from "@/lib/testing/signing-fixtures";
import { ADMIN, SECRETARIAT } from "@/lib/testing/test-db";
import { getSigning } from "./get-signing";
import { openSigning } from "./open-signing";
import { signedPdf } from "./signed-pdf";
import { verifyDocument } from "./verify-document";

useSigningDatabase();

let as: Actors;
let communiqueId: string;
let meetingId: string;
let hash: string;
let revisionId: string;
let signatories: MeetingSignatory[];
let folder: string;

beforeAll(async () => {
  as = await approvalActors();
  ({ communiqueId, meetingId, hash, revisionId, signatories } = await approvedCommunique(as));
  folder = await mkdtemp(path.join(tmpdir(), "signing-flow-"));
});

afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** Each signatory signs from an address of their own, so that the certificate can be checked line by line. */
const ipOf = (n: number) => `198.51.100.${10 + n}`;

describe("opening the signing", () => {
  it("is refused to a delegate and to the admin, changing nothing", async () => {
    for (const email of [KRAVCHUK, IVANOVA, ADMIN]) {
      const error = await refusal(openSigning(as[email]!, communiqueId));
      expect(error.code, email).toBe("FORBIDDEN");
    }
    expect(await statusOf(communiqueId)).toBe("APPROVED");
    expect(await mailsOf(communiqueId, "signing-opened")).toEqual([]);
    expect(await eventsOf(communiqueId, "signing.opened")).toEqual([]);
  });

  it("the secretariat opens it: APPROVED → SIGNING, with an audit event", async () => {
    expect(signatories.map((s) => s.email)).toEqual([...SIGNATORIES]);
    const result = await openSigning(as[SECRETARIAT]!, communiqueId);
    expect(result).toEqual({ revisionHash: hash });
    expect(await statusOf(communiqueId)).toBe("SIGNING");
    const events = await eventsOf(communiqueId, "signing.opened");
    expect(events).toHaveLength(1);
    expect(events[0]!.actorUserId).toBe(as[SECRETARIAT]!.userId);
    expect(events[0]!.data).toEqual({ revision: revisionId, hash, round: 1 });
  });

  it("tells each of the eight signatories, once, in their language, with the revision's hash and the signing page", async () => {
    const mails = await mailsOf(communiqueId, "signing-opened");
    expect(mails.map((m) => m.to).sort()).toEqual([...SIGNATORIES].sort());
    expect(mails.map((m) => m.to)).not.toContain(IVANOVA);
    for (const mail of mails) {
      expectWrittenIn(mail, LOCALE_OF[mail.to]!);
      expect(mail.text, mail.to).toContain(hash);
      expect(await linkedPage(mail.text), mail.to).toBe(`/communiques/${communiqueId}/sign`);
    }
    const byTo = new Map(mails.map((m) => [m.to, m]));
    expect(byTo.get(KRAVCHUK)!.subject).toMatch(/^Коммюнике готово к подписанию: /);
    expect(byTo.get(SIGNATORIES[1])!.subject).toMatch(/^【ご署名のお願い】/);
  });

  it("cannot be opened twice", async () => {
    const error = await refusal(openSigning(as[SECRETARIAT]!, communiqueId));
    expect(error.code).toBe("NOT_ALLOWED_NOW");
    expect(await mailsOf(communiqueId, "signing-opened")).toHaveLength(8);
    expect(await eventsOf(communiqueId, "signing.opened")).toHaveLength(1);
  });
});

describe("every signatory signs", () => {
  it("records each signature with the revision hash, where it came from and how it was given", async () => {
    for (const [n, s] of signatories.entries()) {
      const { method, image } = mixedMethod(n);
      const userAgent = `${CONTEXT.userAgent} #${n}`;
      const result = await signAs(as[s.email]!, communiqueId, { signatoryId: s.id, hash, method, ip: ipOf(n), userAgent, ...(image ? { image } : {}) });
      const last = n === signatories.length - 1;
      expect(result.complete, s.email).toBe(last);
      expect(await statusOf(communiqueId), s.email).toBe(last ? "SIGNED" : "SIGNING");

      const row = await db.signature.findUniqueOrThrow({ where: { id: result.id } });
      expect(row, s.email).toMatchObject({
        communiqueId,
        revisionId,
        revisionHash: hash,
        signatoryId: s.id,
        userId: as[s.email]!.userId,
        method,
        ip: ipOf(n),
        userAgent,
      });
      if (method === "TYPED") {
        expect(row.typedName).toBe(as[s.email]!.displayName);
        expect(row.image).toBeNull();
        expect(row.imageType).toBeNull();
      } else {
        expect(row.typedName).toBeNull();
        // Stored as written anew (8-bit RGBA), with the uploaded pixels.
        const [stored, uploaded] = [PNG.sync.read(Buffer.from(row.image!)), PNG.sync.read(Buffer.from(image!))];
        expect([stored.width, stored.height]).toEqual([uploaded.width, uploaded.height]);
        expect(Buffer.compare(stored.data, uploaded.data)).toBe(0);
        expect(row.imageType).toBe("image/png");
      }
      if (!last) expect(await db.finalDocument.findUnique({ where: { communiqueId } })).toBeNull();
    }
    const methods = (await db.signature.findMany({ where: { communiqueId } })).map((s) => s.method);
    expect(new Set(methods)).toEqual(new Set(["DRAWN", "TYPED", "SEAL"]));

    const recorded = await eventsOf(communiqueId, "signature.recorded");
    expect(recorded).toHaveLength(8);
    expect(recorded.map((e) => (e.data as { signatory: string }).signatory)).toEqual(signatories.map((s) => s.id));
    for (const e of recorded) expect(e.data).toMatchObject({ revisionHash: hash });
  });
});

describe("the final document", () => {
  let pdf: Uint8Array;
  let file: string;
  let content: CommuniqueContent;

  beforeAll(async () => {
    const final = await db.finalDocument.findUniqueOrThrow({ where: { communiqueId } });
    pdf = new Uint8Array(final.pdf);
    file = path.join(folder, "final.pdf");
    await writeFile(file, pdf);
    const revision = await db.revision.findUniqueOrThrow({ where: { id: revisionId } });
    content = (revision.content as unknown as RevisionPayload).content;
  });

  it("is stored once, for the approved revision, with the SHA-256 of its bytes and the seal's fingerprint", async () => {
    const finals = await db.finalDocument.findMany({ where: { communiqueId } });
    expect(finals).toHaveLength(1);
    const [final] = finals;
    expect(final!.revisionId).toBe(revisionId);
    expect(final!.sha256).toBe(sha256(pdf));
    expect(final!.sealFingerprint).toBe((await getSealCertificate()).fingerprintSha256);
    expect(Buffer.from(pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");

    const events = await eventsOf(communiqueId, "communique.signed");
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toEqual({ revision: revisionId, sha256: final!.sha256 });
  });

  it("is sealed over the whole file, as pdfsig sees it", async () => {
    const report = await pdfsigOutput(file);
    expect(report).toContain("Signature is Valid");
    expect(report).toContain("Total document signed");
    expect(report).not.toContain("Not total document signed");
    expect(report.match(/^Signature #\d+:/gm)).toHaveLength(1);
  });

  it("holds every clause in both languages, every signatory's name in both, and the certificate's revision hash", async () => {
    const { stdout } = await promisify(execFile)("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"], { maxBuffer: 16 * 1024 * 1024 });
    const text = squeeze(stdout);
    const clauses = content.blocks.filter((b): b is TextBlock => b.kind === "clause");
    expect(clauses).toHaveLength(3);
    for (const clause of clauses) {
      expect(text, `clause ${clause.id} (ru)`).toContain(squeeze(clause.text.ru));
      expect(text, `clause ${clause.id} (ja)`).toContain(squeeze(clause.text.ja));
    }
    for (const s of signatories) {
      expect(text, s.name.ru).toContain(squeeze(s.name.ru));
      expect(text, s.name.ja).toContain(squeeze(s.name.ja));
    }
    expect(text).toContain(hash);
    // The certificate names how each signature was given.
    for (const word of ["нарисована", "手書き", "напечатано имя", "氏名入力", "печать", "印影"]) expect(text, word).toContain(squeeze(word));
    for (const n of signatories.keys()) expect(text, ipOf(n)).toContain(ipOf(n));
  });

  it("shows the drawn strokes and the red seals with their transparency kept (no black boxes)", async () => {
    await promisify(execFile)("pdftoppm", ["-r", "50", "-png", file, path.join(folder, "page")]);
    const pages = (await readdir(folder)).filter((f) => /^page-\d+\.png$/.test(f)).sort();
    expect(pages.length).toBeGreaterThan(1);
    let red = 0;
    let blue = 0;
    let solidDarkBlocks = 0;
    for (const name of pages) {
      const { width, height, data } = PNG.sync.read(await readFile(path.join(folder, name)));
      const at = (x: number, y: number) => data.subarray((y * width + x) * 4, (y * width + x) * 4 + 3);
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
        if (r > g + 60 && r > b + 60) red++;
        if (b > r + 40 && b > g + 30) blue++;
      }
      // A transparent background drawn as black shows up as solid dark squares; text never does.
      const size = 10;
      for (let y = 0; y + size <= height; y += size) {
        for (let x = 0; x + size <= width; x += size) {
          let dark = true;
          for (let dy = 0; dy < size && dark; dy++) for (let dx = 0; dx < size && dark; dx++) dark = Math.max(...at(x + dx, y + dy)) < 60;
          if (dark) solidDarkBlocks++;
        }
      }
    }
    expect(red, "red seal ink").toBeGreaterThan(50);
    expect(blue, "blue pen strokes").toBeGreaterThan(50);
    expect(solidDarkBlocks).toBe(0);
  });

  it("is recognised by the public check: genuine, which meeting, the eight signers, our valid seal", async () => {
    const meeting = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    const result = await verifyDocument(pdf);
    expect(result.sha256).toBe(sha256(pdf));
    expect(result.genuine).toBe(true);
    expect(result.meeting).toEqual({
      ordinal: meeting.ordinal,
      number: meeting.number,
      line: { ru: `${meeting.ordinal} ${meeting.nameRu.replace(/^Встреча /, "Встречи ")}`, ja: `第${meeting.number}回${meeting.nameJa}` },
    });
    expect(result.signedOn).toBeInstanceOf(Date);
    expect(result.signers).toHaveLength(8);
    expect(result.signers.map((s) => s.name).sort((a, b) => a.ru.localeCompare(b.ru))).toEqual(
      signatories.map((s) => s.name).sort((a, b) => a.ru.localeCompare(b.ru)),
    );
    expect(result.seal).toEqual({ checked: true, signed: true, valid: true, intact: true, coversWholeDocument: true, certificateTrusted: false });
  });

  it("is what the signatories and the secretariat download, and what the signing page reports", async () => {
    const final = await db.finalDocument.findUniqueOrThrow({ where: { communiqueId } });
    for (const email of [SECRETARIAT, KRAVCHUK, SIGNATORIES[7]]) {
      const download = await signedPdf(as[email]!, communiqueId);
      expect(download.sha256, email).toBe(final.sha256);
      expect(sha256(download.bytes), email).toBe(final.sha256);
    }
    const page = await getSigning(as[KRAVCHUK]!, communiqueId);
    expect(page.final?.sha256).toBe(final.sha256);
    expect(page.signatories.every((s) => s.signedAt !== null)).toBe(true);
    expect(page.mine).toEqual([expect.objectContaining({ signed: true })]);
  });

  it('queues "communique-signed" once to the secretariat, the heads, the deputy and the signatories, each in their language', async () => {
    const final = await db.finalDocument.findUniqueOrThrow({ where: { communiqueId } });
    const mails = await mailsOf(communiqueId, "communique-signed");
    const expected = [SECRETARIAT, ...HEADS, IVANOVA, ...SIGNATORIES];
    expect(mails.map((m) => m.to).sort()).toEqual([...new Set(expected)].sort());
    for (const mail of mails) {
      expectWrittenIn(mail, mail.to === SECRETARIAT ? "ru" : LOCALE_OF[mail.to]!);
      expect(mail.text, mail.to).toContain(final.sha256);
    }
  });

  it("cannot be signed again nor reopened once signed", async () => {
    const [first] = signatories;
    const before = await db.signature.count({ where: { communiqueId } });
    expect((await refusal(signAs(as[first!.email]!, communiqueId, { signatoryId: first!.id, hash }))).code).toBe("NOT_ALLOWED_NOW");
    expect((await refusal(openSigning(as[SECRETARIAT]!, communiqueId))).code).toBe("NOT_ALLOWED_NOW");
    expect(await db.signature.count({ where: { communiqueId } })).toBe(before);
  });
});
