import { createHash } from "node:crypto";
import zlib from "node:zlib";
import { PNG } from "pngjs";
import { beforeAll, expect } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { submitCommunique } from "@/lib/communiques/submit-communique";
import { db } from "@/lib/db";
import { getSealCertificate } from "@/lib/seal/seal-certificate";
import { seededRandom } from "@/lib/seal/test-support";
import { openSigning } from "@/lib/signatures/open-signing";
import { signCommunique } from "@/lib/signatures/sign";
import {
  decideAs,
  editClause,
  GLADKIKH,
  HEADS,
  HONDA,
  IVANENKO,
  KALITA,
  KRAVCHUK,
  MATSUDA,
  NAKAHARA,
  submittedCommunique,
  TATAMI,
  useApprovalDatabase,
  type Actors,
} from "./approval-fixtures";
import { SECRETARIAT } from "./test-db";

/** The seeded demo password of every account. */
export const PASSWORD = "Kamchatka-2019";

/** The eight signatories of the seeded meeting, in signing order (each Russian paired with a Japanese). */
export const SIGNATORIES = [KRAVCHUK, NAKAHARA, KALITA, TATAMI, GLADKIKH, MATSUDA, IVANENKO, HONDA] as const;

/** Where a signature "came from", as the route handler would pass it. */
export const CONTEXT = { ip: "203.0.113.27", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Signing test" } as const;

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export interface MeetingSignatory {
  id: string;
  /** The signatory's account e-mail. */
  email: string;
  personId: string;
  name: { ru: string; ja: string };
  title: { ru: string; ja: string };
  position: number;
}

/** The signatories of a meeting with their accounts, in signing order. */
export async function meetingSignatories(meetingId: string): Promise<MeetingSignatory[]> {
  const rows = await db.signatory.findMany({ where: { meetingId }, orderBy: { position: "asc" }, include: { person: { include: { user: true } } } });
  return rows.map((s) => ({
    id: s.id,
    email: s.person.user!.email,
    personId: s.personId,
    name: { ru: s.person.nameRu, ja: s.person.nameJa },
    title: { ru: s.titleRu, ja: s.titleJa },
    position: s.position,
  }));
}

/** The signatory record of a seeded account in a meeting. */
export function signatoryOf(signatories: MeetingSignatory[], email: string): MeetingSignatory {
  const found = signatories.find((s) => s.email === email);
  if (!found) throw new Error(`${email} is not a signatory of this meeting`);
  return found;
}

/**
 * The database of a signing test file (see useApprovalDatabase), with the seal certificate
 * made up front: its creation announces itself on the console, which a test need not show.
 */
export function useSigningDatabase() {
  useApprovalDatabase();
  beforeAll(async () => {
    const info = console.info;
    console.info = () => {};
    try {
      await getSealCertificate();
    } finally {
      console.info = info;
    }
  });
}

/** Every head approves the revision with this hash. */
export async function approveByAllHeads(as: Actors, communiqueId: string, hash: string) {
  for (const head of HEADS) await decideAs(as[head]!, communiqueId, hash);
}

/** A fresh meeting whose communiqué every head has approved (state APPROVED). */
export async function approvedCommunique(as: Actors) {
  const submitted = await submittedCommunique(as[SECRETARIAT]!);
  await approveByAllHeads(as, submitted.communiqueId, submitted.hash);
  const communique = await db.communique.findUniqueOrThrow({ where: { id: submitted.communiqueId } });
  expect(communique.status).toBe("APPROVED");
  expect(communique.approvedRevisionId).toBe(submitted.revisionId);
  const signatories = await meetingSignatories(submitted.meetingId);
  return { ...submitted, signatories };
}

/** As above, with signing opened by the secretariat (state SIGNING). */
export async function signingCommunique(as: Actors) {
  const approved = await approvedCommunique(as);
  await openSigning(as[SECRETARIAT]!, approved.communiqueId);
  return approved;
}

/**
 * From CHANGES_REQUESTED: the secretariat changes the Russian text of a clause (confirming the
 * Japanese), submits the new revision, and every head approves it (state APPROVED again).
 */
export async function reviseAndApprove(as: Actors, communiqueId: string, clauseId: string, ruText: string) {
  await editClause(as[SECRETARIAT]!, clauseId, "ru", ruText);
  const submitted = await submitCommunique(as[SECRETARIAT]!, communiqueId);
  await approveByAllHeads(as, communiqueId, submitted.hash);
  const communique = await db.communique.findUniqueOrThrow({ where: { id: communiqueId } });
  expect(communique.status).toBe("APPROVED");
  expect(communique.approvedRevisionId).toBe(submitted.revisionId);
  return submitted;
}

export type SignMethod = "DRAWN" | "TYPED" | "SEAL";

export interface SignOptions {
  method?: SignMethod;
  signatoryId: string;
  hash: string;
  password?: string;
  /** Confirms with a mailed code instead of the password. */
  code?: string;
  typedName?: string;
  image?: Uint8Array;
  ip?: string;
  userAgent?: string;
}

/** Signs as `actor`; by default a typed signature with the actor's display name. */
export function signAs(actor: Actor | null, communiqueId: string, o: SignOptions) {
  const method = o.method ?? "TYPED";
  const input = {
    communiqueId,
    signatoryId: o.signatoryId,
    revisionHash: o.hash,
    ...(o.code === undefined ? { password: o.password ?? PASSWORD } : { code: o.code }),
    method,
    ...(method === "TYPED" ? { typedName: o.typedName ?? actor?.displayName ?? "" } : o.typedName === undefined ? {} : { typedName: o.typedName }),
  };
  const context = { ip: o.ip ?? CONTEXT.ip, userAgent: o.userAgent ?? CONTEXT.userAgent, ...(o.image ? { image: o.image } : {}) };
  return signCommunique(actor, input, context);
}

/** A method and image for the n-th signatory: drawn, typed and seal in turn. */
export function mixedMethod(n: number): { method: SignMethod; image?: Uint8Array } {
  switch (n % 3) {
    case 0:
      return { method: "DRAWN", image: strokePng(n + 1) };
    case 1:
      return { method: "TYPED" };
    default:
      return { method: "SEAL", image: hankoPng() };
  }
}

/**
 * Records the signatures of the given signatories (default: all) through the use case, with
 * mixed methods. When the last one signs, the communiqué is finalised by signCommunique.
 */
export async function signAll(as: Actors, communiqueId: string, hash: string, signatories: MeetingSignatory[]) {
  const results = [];
  for (const [n, s] of signatories.entries()) {
    const { method, image } = mixedMethod(n);
    results.push(await signAs(as[s.email]!, communiqueId, { signatoryId: s.id, hash, method, ...(image ? { image } : {}) }));
  }
  return results;
}

/**
 * Stores a signature row directly, bypassing the use case (and so the finalisation the last
 * signature would start): for tests that drive finaliseCommunique themselves.
 */
export async function recordSignatureRow(communiqueId: string, signatory: MeetingSignatory, hash: string) {
  const communique = await db.communique.findUniqueOrThrow({ where: { id: communiqueId } });
  const user = await db.user.findUniqueOrThrow({ where: { email: signatory.email } });
  return db.signature.create({
    data: {
      communiqueId,
      revisionId: communique.approvedRevisionId!,
      revisionHash: hash,
      signatoryId: signatory.id,
      round: communique.signingRound,
      userId: user.id,
      method: "TYPED",
      typedName: signatory.name.ru,
      ip: CONTEXT.ip,
      userAgent: CONTEXT.userAgent,
    },
  });
}

export const signatureCount = (communiqueId: string) => db.signature.count({ where: { communiqueId } });

// ---------------------------------------------------------------------------------------
// Images

function png(width: number, height: number, paint: (x: number, y: number) => [number, number, number, number] | null): Uint8Array {
  const image = new PNG({ width, height });
  image.data.fill(0); // transparent black
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const rgba = paint(x, y);
      if (!rgba) continue;
      const i = (y * width + x) * 4;
      image.data[i] = rgba[0];
      image.data[i + 1] = rgba[1];
      image.data[i + 2] = rgba[2];
      image.data[i + 3] = rgba[3];
    }
  }
  return new Uint8Array(PNG.sync.write(image, { colorType: 6 }));
}

/** A pen stroke in dark blue on a transparent background, as the signature pad exports it. */
export function strokePng(seed = 1, width = 360, height = 120): Uint8Array {
  const image = new PNG({ width, height });
  image.data.fill(0);
  const ink = (x: number, y: number) => {
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const px = Math.round(x) + dx;
        const py = Math.round(y) + dy;
        if (px < 0 || py < 0 || px >= width || py >= height) continue;
        const i = (py * width + px) * 4;
        image.data[i] = 16;
        image.data[i + 1] = 32;
        image.data[i + 2] = 110;
        image.data[i + 3] = 255;
      }
    }
  };
  for (let t = 0; t <= 1; t += 0.0004) {
    const x = 20 + t * (width - 40);
    const y = height / 2 + Math.sin(t * (16 + seed * 3)) * height * 0.3 * Math.cos(t * 4 + seed) + Math.sin(t * 57) * 5;
    ink(x, y);
  }
  return new Uint8Array(PNG.sync.write(image, { colorType: 6 }));
}

/** A drawing pad exported with nothing drawn: every pixel transparent. */
export function emptyPng(width = 360, height = 120): Uint8Array {
  return png(width, height, () => null);
}

/** Opaque white, as a pad that paints its background would export an untouched drawing. */
export function whitePng(width = 360, height = 120): Uint8Array {
  return png(width, height, () => [255, 255, 255, 255]);
}

/** A round red hanko (ring and a cross of strokes) on a transparent background, half-transparent ink. */
export function hankoPng(size = 200): Uint8Array {
  const c = size / 2;
  return png(size, size, (x, y) => {
    const r = Math.hypot(x - c, y - c);
    const ring = r > c * 0.82 && r < c * 0.95;
    const inside = r < c * 0.8;
    const strokes = inside && (Math.abs(x - c) < size * 0.04 || Math.abs(y - c * 0.75) < size * 0.035 || Math.abs(y - c * 1.3) < size * 0.035);
    return ring || strokes ? [200, 20, 30, 220] : null;
  });
}

/** Noise that does not compress: a PNG of well over 512 KB, though only 420 × 420 pixels. */
export function oversizedPng(): Uint8Array {
  const random = seededRandom(7);
  const bytes = png(420, 420, () => [Math.floor(random() * 256), Math.floor(random() * 256), Math.floor(random() * 256), 255]);
  expect(bytes.length).toBeGreaterThan(512 * 1024);
  return bytes;
}

/**
 * A real (decodable) baseline JPEG of 8 × 8 mid-grey pixels: one quantisation table, one
 * single-symbol Huffman table each for DC and AC, and one block per component whose bits are
 * "DC 0, EOB". `declared` changes the size the frame header claims (the data stays one
 * block); `components` the colour components the frame declares (each gets its block in the
 * one scan; 2 and 5 have no colour meaning, and the PDF engine cannot embed them);
 * `headerOnly` leaves out the tables and the scan: a file that starts like a JPEG and says
 * how large it is, but holds no picture.
 */
export function tinyJpeg(options: { declared?: { width: number; height: number }; components?: number; headerOnly?: boolean } = {}): Uint8Array {
  const { width, height } = options.declared ?? { width: 8, height: 8 };
  const n = options.components ?? 1;
  const ids = Array.from({ length: n }, (_, i) => i + 1);
  const segment = (marker: number, body: number[]) => [0xff, marker, ((body.length + 2) >> 8) & 0xff, (body.length + 2) & 0xff, ...body];
  const oneSymbolTable = (tableClass: number) => [(tableClass << 4) | 0, 1, ...new Array<number>(15).fill(0), 0x00];
  const header = [
    0xff, 0xd8, // SOI
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]), // APP0 JFIF
    ...segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]), // DQT
    ...segment(0xc0, [0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, n, ...ids.flatMap((id) => [id, 0x11, 0x00])]), // SOF0
  ];
  if (options.headerOnly) return new Uint8Array([...header, 0xff, 0xd9]);
  // Two zero bits per block ("DC 0", "EOB"), the last byte padded with ones.
  const data: number[] = [];
  for (let bits = 2 * n; bits > 0; bits -= 8) data.push((1 << (8 - Math.min(8, bits))) - 1);
  return new Uint8Array([
    ...header,
    ...segment(0xc4, oneSymbolTable(0)), // DHT, DC
    ...segment(0xc4, oneSymbolTable(1)), // DHT, AC
    ...segment(0xda, [n, ...ids.flatMap((id) => [id, 0x00]), 0x00, 0x3f, 0x00]), // SOS
    ...data,
    0xff, 0xd9, // EOI
  ]);
}

/**
 * A decompression bomb: a PNG of a few kilobytes whose header declares 12000 × 12000 pixels
 * (1-bit grey, all black). Decoded to RGBA it would take 576 MB.
 */
export function bombPng(side = 12_000): Uint8Array {
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, "latin1");
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), body])), 0);
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr.set([1, 0, 0, 0, 0], 8); // bit depth 1, grey, deflate, no filter, no interlace
  const raw = Buffer.alloc((1 + Math.ceil(side / 8)) * side); // every row: filter 0, then zeros
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
  return new Uint8Array(png);
}

/** A stroke on a canvas wider than the 2400 pixels allowed (still only a few kilobytes). */
export function widePng(): Uint8Array {
  return strokePng(1, 2500, 60);
}

// ---------------------------------------------------------------------------------------
// Text of a PDF

/** For comparing typeset text with its source: no whitespace, no soft hyphens. */
export const squeeze = (text: string) => text.normalize("NFC").replace(/[\s\u00ad\u200b]/g, "");
