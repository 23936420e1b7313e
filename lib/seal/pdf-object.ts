import { SealCheckTooComplex, type WorkBudget } from "./work-budget";

/**
 * Reads one PDF object (ISO 32000-1, 7.3) from a byte offset, with bounded work: at most
 * MAX_DEPTH nested arrays and dictionaries and MAX_TOKENS tokens, and the time budget checked
 * as it goes. Only what a signature dictionary needs; streams are not followed.
 */

export type PdfValue = number | boolean | null | PdfName | PdfString | PdfRef | PdfValue[] | PdfDict;

export interface PdfName {
  kind: "name";
  name: string;
}

export interface PdfString {
  kind: "string";
  bytes: Buffer;
  hex: boolean;
  /** Offsets of the opening delimiter and just after the closing one. */
  start: number;
  end: number;
}

export interface PdfRef {
  kind: "ref";
  num: number;
  gen: number;
}

export interface PdfDict {
  kind: "dict";
  entries: Map<string, PdfValue>;
  /** Where each key's name starts in the file. */
  keyOffsets: Map<string, number>;
}

export const MAX_DEPTH = 32;
export const MAX_TOKENS = 20_000;

export class PdfSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PdfSyntaxError";
  }
}

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

export class PdfObjectReader {
  private offset: number;
  private tokens = 0;

  constructor(
    private readonly pdf: Buffer,
    start: number,
    private readonly budget: WorkBudget,
  ) {
    this.offset = start;
  }

  get position(): number {
    return this.offset;
  }

  /** The value at the current position. */
  readValue(depth = 0): PdfValue {
    if (depth > MAX_DEPTH) throw new SealCheckTooComplex(`Objects nested deeper than ${MAX_DEPTH}`);
    if (++this.tokens > MAX_TOKENS) throw new SealCheckTooComplex(`An object with more than ${MAX_TOKENS} tokens`);
    if (this.tokens % 1024 === 0) this.budget.check();
    this.skipSpace();
    const byte = this.pdf[this.offset];
    if (byte === undefined) throw new PdfSyntaxError("Unexpected end of file");
    if (byte === 0x3c && this.pdf[this.offset + 1] === 0x3c) return this.readDict(depth);
    if (byte === 0x3c) return this.readHexString();
    if (byte === 0x28) return this.readLiteralString();
    if (byte === 0x5b) return this.readArray(depth);
    if (byte === 0x2f) return { kind: "name", name: this.readName() };
    const word = this.readWord();
    if (word === "true" || word === "false") return word === "true";
    if (word === "null") return null;
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) throw new PdfSyntaxError(`Unexpected token ${JSON.stringify(word.slice(0, 20))}`);
    const number = Number(word);
    // "num gen R" is a reference: look ahead, and step back if it is not one.
    if (/^\d+$/.test(word)) {
      const mark = this.offset;
      this.skipSpace();
      const gen = this.readWord();
      this.skipSpace();
      if (/^\d+$/.test(gen) && this.readWord() === "R") return { kind: "ref", num: number, gen: Number(gen) };
      this.offset = mark;
    }
    return number;
  }

  /** Skips "num gen obj" at the current position; false when it is not there. */
  readObjectHeader(): boolean {
    this.skipSpace();
    const num = this.readWord();
    this.skipSpace();
    const gen = this.readWord();
    this.skipSpace();
    return /^\d+$/.test(num) && /^\d+$/.test(gen) && this.readWord() === "obj";
  }

  private readDict(depth: number): PdfDict {
    this.offset += 2;
    const entries = new Map<string, PdfValue>();
    const keyOffsets = new Map<string, number>();
    for (;;) {
      this.skipSpace();
      if (this.pdf[this.offset] === 0x3e && this.pdf[this.offset + 1] === 0x3e) {
        this.offset += 2;
        return { kind: "dict", entries, keyOffsets };
      }
      if (this.pdf[this.offset] !== 0x2f) throw new PdfSyntaxError("A dictionary key is not a name");
      const keyOffset = this.offset;
      const key = this.readName();
      const value = this.readValue(depth + 1);
      // A key given twice: the file is ambiguous, and readers may differ on which one counts.
      if (entries.has(key)) throw new PdfSyntaxError(`The key /${key} appears twice in a dictionary`);
      entries.set(key, value);
      keyOffsets.set(key, keyOffset);
    }
  }

  private readArray(depth: number): PdfValue[] {
    this.offset += 1;
    const items: PdfValue[] = [];
    for (;;) {
      this.skipSpace();
      if (this.pdf[this.offset] === 0x5d) {
        this.offset += 1;
        return items;
      }
      items.push(this.readValue(depth + 1));
    }
  }

  private readName(): string {
    const start = ++this.offset;
    while (this.offset < this.pdf.length && !isSpaceOrDelimiter(this.pdf[this.offset]!)) this.offset++;
    const raw = this.pdf.subarray(start, this.offset).toString("latin1");
    return raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }

  private readHexString(): PdfString {
    const start = this.offset;
    const end = this.pdf.indexOf(0x3e, start);
    if (end === -1) throw new PdfSyntaxError("Unterminated hex string");
    const digits = this.pdf.subarray(start + 1, end).toString("latin1").replace(/[\0\t\n\f\r ]/g, "");
    if (!/^[0-9a-fA-F]*$/.test(digits)) throw new PdfSyntaxError("A hex string holds other characters");
    this.offset = end + 1;
    // An odd last digit counts as if followed by 0 (7.3.4.3).
    return { kind: "string", bytes: Buffer.from(digits.length % 2 ? `${digits}0` : digits, "hex"), hex: true, start, end: end + 1 };
  }

  private readLiteralString(): PdfString {
    const start = this.offset;
    const out: number[] = [];
    let nesting = 1;
    this.offset++;
    while (nesting > 0) {
      const byte = this.pdf[this.offset++];
      if (byte === undefined) throw new PdfSyntaxError("Unterminated string");
      if (byte === 0x5c) {
        const next = this.pdf[this.offset++];
        if (next === undefined) throw new PdfSyntaxError("Unterminated string");
        const escaped = ESCAPES[next];
        if (escaped !== undefined) out.push(escaped);
        else if (next >= 0x30 && next <= 0x37) {
          let octal = next - 0x30;
          for (let i = 0; i < 2 && this.pdf[this.offset]! >= 0x30 && this.pdf[this.offset]! <= 0x37; i++) octal = octal * 8 + this.pdf[this.offset++]! - 0x30;
          out.push(octal & 0xff);
        } else if (next === 0x0d) {
          if (this.pdf[this.offset] === 0x0a) this.offset++;
        } else if (next !== 0x0a) out.push(next);
        continue;
      }
      if (byte === 0x28) nesting++;
      if (byte === 0x29 && --nesting === 0) break;
      out.push(byte);
    }
    return { kind: "string", bytes: Buffer.from(out), hex: false, start, end: this.offset };
  }

  private readWord(): string {
    const start = this.offset;
    while (this.offset < this.pdf.length && !isSpaceOrDelimiter(this.pdf[this.offset]!)) this.offset++;
    return this.pdf.subarray(start, this.offset).toString("latin1");
  }

  private skipSpace(): void {
    for (;;) {
      const byte = this.pdf[this.offset];
      if (byte === undefined) return;
      if (WHITESPACE.has(byte)) this.offset++;
      else if (byte === 0x25) {
        while (this.offset < this.pdf.length && this.pdf[this.offset] !== 0x0a && this.pdf[this.offset] !== 0x0d) this.offset++;
      } else return;
    }
  }
}

const ESCAPES: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };

function isSpaceOrDelimiter(byte: number): boolean {
  return WHITESPACE.has(byte) || DELIMITERS.has(byte);
}

export function isDict(value: PdfValue | undefined): value is PdfDict {
  return typeof value === "object" && value !== null && !Array.isArray(value) && value.kind === "dict";
}

export function isString(value: PdfValue | undefined): value is PdfString {
  return typeof value === "object" && value !== null && !Array.isArray(value) && value.kind === "string";
}

export function nameOf(value: PdfValue | undefined): string | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) && value.kind === "name" ? value.name : undefined;
}
