import type { SignedRanges } from "./check-container";
import { isDict, isString, nameOf, PdfObjectReader, PdfSyntaxError, type PdfDict, type PdfString, type PdfValue } from "./pdf-object";
import { SealCheckTooComplex, type WorkBudget } from "./work-budget";

/**
 * Finds the signature dictionaries of a PDF without walking its object graph.
 *
 * A signature's /ByteRange names file offsets, and the gap it leaves must be the literal
 * /Contents string: so the signature dictionary is always written out plainly in the file,
 * never inside a compressed object stream. Each "/ByteRange" in the bytes is therefore looked
 * up in the indirect object around it, read with bounded work; occurrences that are not a key
 * of a dictionary there (inside a string, a stream or a comment) do not count. Nothing follows
 * the catalogue, the form's field tree or any reference, so no loop there can keep it busy.
 *
 * This is enough for the seal's verdict: a seal is valid only when its signed ranges cover
 * every byte but its own /Contents, so whatever else a file holds was signed with it.
 */

/** More occurrences than this: the file is not one this check will spend its time on. */
export const MAX_CANDIDATES = 16;
/** How far before a "/ByteRange" the header of its object may be (the /Contents may precede it). */
const MAX_OBJECT_SPAN = 4 * 1024 * 1024;
const MAX_HEADER_LOOKUPS = 1024;

export interface PdfSignature {
  /** The four numbers of /ByteRange, as ranges [start, end); null when they are not usable. */
  ranges: SignedRanges | null;
  /** The /Contents hex string, with its offsets; null when missing or not a hex string. */
  contents: PdfString | null;
  /** /M as written (a PDF date), if any. */
  signingTime?: string;
  subFilter?: string;
}

export type SignatureSearch =
  | { kind: "signatures"; signatures: PdfSignature[] }
  | { kind: "unsigned" }
  | { kind: "unreadable"; message: string };

export function findSignatures(pdf: Buffer, budget: WorkBudget): SignatureSearch {
  if (pdf.subarray(0, 1024).indexOf("%PDF-") === -1) return { kind: "unreadable", message: "it does not start with a PDF header" };
  const marker = Buffer.from("/ByteRange", "latin1");
  const signatures: PdfSignature[] = [];
  let candidates = 0;
  for (let at = pdf.indexOf(marker); at !== -1; at = pdf.indexOf(marker, at + marker.length)) {
    if (++candidates > MAX_CANDIDATES) throw new SealCheckTooComplex(`More than ${MAX_CANDIDATES} /ByteRange entries`);
    budget.check();
    const dict = dictionaryWithKeyAt(pdf, at, budget);
    if (dict) signatures.push(describe(dict));
  }
  return signatures.length === 0 ? { kind: "unsigned" } : { kind: "signatures", signatures };
}

/** The dictionary (in the object around `at`) whose /ByteRange key starts at `at`, if any. */
function dictionaryWithKeyAt(pdf: Buffer, at: number, budget: WorkBudget): PdfDict | null {
  const header = objectHeaderBefore(pdf, at);
  if (header === null) return null;
  const reader = new PdfObjectReader(pdf, header, budget);
  try {
    if (!reader.readObjectHeader()) return null;
    return findDict(reader.readValue(), at);
  } catch (error) {
    // Not a readable object around this occurrence: it is not a signature dictionary.
    if (error instanceof PdfSyntaxError) return null;
    throw error;
  }
}

/**
 * The offset of the nearest "num gen obj" before `at`, or null when an "endobj" comes first
 * (the occurrence is outside any object) or none is near enough.
 */
function objectHeaderBefore(pdf: Buffer, at: number): number | null {
  const floor = Math.max(0, at - MAX_OBJECT_SPAN);
  let end = at;
  for (let i = 0; i < MAX_HEADER_LOOKUPS; i++) {
    const obj = pdf.lastIndexOf("obj", end - 1, "latin1");
    if (obj < floor || obj === -1) return null;
    if (pdf.subarray(Math.max(0, obj - 3), obj).toString("latin1") === "end") return null;
    const before = pdf.subarray(Math.max(floor, obj - 48), obj).toString("latin1");
    const match = /(?<!\d)\d+[\s\0]+\d+[\s\0]+$/.exec(before);
    if (match) return obj - before.length + match.index;
    end = obj;
  }
  return null;
}

function findDict(value: PdfValue, keyOffset: number): PdfDict | null {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findDict(item, keyOffset);
      if (found) return found;
    }
    return null;
  }
  if (!isDict(value)) return null;
  if (value.keyOffsets.get("ByteRange") === keyOffset) return value;
  for (const item of value.entries.values()) {
    const found = findDict(item, keyOffset);
    if (found) return found;
  }
  return null;
}

function describe(dict: PdfDict): PdfSignature {
  const contents = dict.entries.get("Contents");
  const time = dict.entries.get("M");
  return {
    ranges: rangesOf(dict.entries.get("ByteRange")),
    contents: isString(contents) && contents.hex ? contents : null,
    signingTime: isString(time) ? time.bytes.toString("latin1") : undefined,
    subFilter: nameOf(dict.entries.get("SubFilter")),
  };
}

function rangesOf(value: PdfValue | undefined): SignedRanges | null {
  if (!Array.isArray(value) || value.length !== 4) return null;
  if (!value.every((n): n is number => typeof n === "number" && Number.isSafeInteger(n) && n >= 0)) return null;
  const [a, b, c, d] = value as [number, number, number, number];
  return [
    [a, a + b],
    [c, c + d],
  ];
}

/** "D:20261122115005Z" or "D:20261122205005+09'00'" as an ISO timestamp (7.9.4). */
export function pdfDateToIso(text: string | undefined): string | undefined {
  const match = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:Z|([+-])(\d{2})'?(\d{2})'?)?/.exec(text?.trim() ?? "");
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as number[];
  const sign = match[7] === "-" ? -1 : 1;
  const offset = match[7] ? sign * (Number(match[8]) * 60 + Number(match[9])) : 0;
  const time = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!) - offset * 60_000;
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
