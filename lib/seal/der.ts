/**
 * Just enough DER to build a CMS signature and to read one back strictly. Reading rejects
 * anything that is not minimal DER (indefinite or padded lengths, trailing bytes), because a
 * seal is only as tight as its encoding: a looser reader would let bytes change unnoticed.
 */

export const TAG = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  SEQUENCE: 0x30,
  SET: 0x31,
  /** [0], constructed: IMPLICIT SET OF in CMS, EXPLICIT wrapper in ContentInfo. */
  CONTEXT_0: 0xa0,
} as const;

export class DerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DerError";
  }
}

/** One tag-length-value, with the bytes it was read from. */
export interface Tlv {
  tag: number;
  /** The whole encoding: tag, length and content. */
  bytes: Buffer;
  content: Buffer;
}

export function readTlv(buffer: Buffer, offset = 0): Tlv {
  const tag = byteAt(buffer, offset);
  // High tag numbers (…11111) never occur in the structures read here.
  if ((tag & 0x1f) === 0x1f) throw new DerError("Unsupported tag");
  const first = byteAt(buffer, offset + 1);
  let length: number;
  let header: number;
  if (first < 0x80) {
    length = first;
    header = 2;
  } else {
    const count = first & 0x7f;
    // 0x80 is BER's indefinite length; more than 4 length bytes is never a real signature.
    if (count === 0 || count > 4) throw new DerError("Unsupported length");
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + byteAt(buffer, offset + 2 + i);
    // DER: the shortest form only.
    if (length < 0x80 || byteAt(buffer, offset + 2) === 0) throw new DerError("Non-minimal length");
    header = 2 + count;
  }
  const end = offset + header + length;
  if (end > buffer.length) throw new DerError("Truncated");
  return { tag, bytes: buffer.subarray(offset, end), content: buffer.subarray(offset + header, end) };
}

/** Reads a buffer that must hold exactly one TLV. */
export function readSingle(buffer: Buffer): Tlv {
  const tlv = readTlv(buffer);
  if (tlv.bytes.length !== buffer.length) throw new DerError("Trailing bytes");
  return tlv;
}

/** The TLVs inside a constructed value, which must fill it exactly. */
export function childrenOf(tlv: Tlv, expectedTag?: number): Tlv[] {
  if (expectedTag !== undefined && tlv.tag !== expectedTag) throw new DerError(`Expected tag ${expectedTag}`);
  if ((tlv.tag & 0x20) === 0) throw new DerError("Not a constructed value");
  const children: Tlv[] = [];
  let offset = 0;
  while (offset < tlv.content.length) {
    const child = readTlv(tlv.content, offset);
    children.push(child);
    offset += child.bytes.length;
  }
  return children;
}

/** The child at an index, or a DerError (the structure is not what it should be). */
export function nth(children: Tlv[], index: number, tag?: number): Tlv {
  const child = children[index];
  if (!child) throw new DerError(`Missing element ${index}`);
  if (tag !== undefined && child.tag !== tag) throw new DerError(`Element ${index} has tag ${child.tag}, expected ${tag}`);
  return child;
}

export function encode(tag: number, ...parts: Buffer[]): Buffer {
  const content = Buffer.concat(parts);
  return Buffer.concat([Buffer.from([tag]), encodeLength(content.length), content]);
}

/** A DER SET OF: its elements sorted by their encodings. */
export function encodeSetOf(elements: Buffer[]): Buffer {
  return encode(TAG.SET, ...[...elements].sort(Buffer.compare));
}

export function encodeOid(dotted: string): Buffer {
  const arcs = dotted.split(".").map((arc) => {
    if (!/^\d+$/.test(arc)) throw new DerError(`Bad OID ${dotted}`);
    return BigInt(arc);
  });
  const [first, second, ...rest] = arcs;
  if (first === undefined || second === undefined) throw new DerError(`Bad OID ${dotted}`);
  const bytes: number[] = [];
  for (const arc of [first * 40n + second, ...rest]) {
    const groups: number[] = [Number(arc & 0x7fn)];
    for (let value = arc >> 7n; value > 0n; value >>= 7n) groups.unshift(Number(value & 0x7fn) | 0x80);
    bytes.push(...groups);
  }
  return encode(TAG.OID, Buffer.from(bytes));
}

export function encodeInteger(value: number): Buffer {
  if (!Number.isInteger(value) || value < 0 || value > 127) throw new DerError("Only small integers are needed");
  return encode(TAG.INTEGER, Buffer.from([value]));
}

function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let value = length; value > 0; value = Math.floor(value / 256)) bytes.unshift(value % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function byteAt(buffer: Buffer, offset: number): number {
  const value = buffer[offset];
  if (value === undefined) throw new DerError("Truncated");
  return value;
}
