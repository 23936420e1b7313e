/** PDF content-stream values, as far as a text checker needs them. */
export type PdfValue =
  | number
  | boolean
  | null
  | { kind: "name"; value: string }
  | { kind: "string"; bytes: Uint8Array }
  | PdfValue[]
  | { kind: "dict"; entries: Map<string, PdfValue> };

export interface Operation {
  op: string;
  operands: PdfValue[];
}

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([..."()<>[]{}/%"].map((c) => c.charCodeAt(0)));

/** Splits a decoded content stream into operators with their operands. */
export function parseContent(bytes: Uint8Array): Operation[] {
  const ops: Operation[] = [];
  let i = 0;
  const stack: PdfValue[][] = [[]];
  const top = () => stack[stack.length - 1]!;
  while (i < bytes.length) {
    const c = bytes[i]!;
    if (WHITE.has(c)) { i++; continue; }
    if (c === 0x25) { while (i < bytes.length && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++; continue; }
    if (c === 0x2f) { // name
      let j = i + 1;
      while (j < bytes.length && !WHITE.has(bytes[j]!) && !DELIM.has(bytes[j]!)) j++;
      top().push({ kind: "name", value: decodeName(bytes.subarray(i + 1, j)) });
      i = j; continue;
    }
    if (c === 0x28) { const [s, j] = literalString(bytes, i); top().push({ kind: "string", bytes: s }); i = j; continue; }
    if (c === 0x3c && bytes[i + 1] === 0x3c) { stack.push([]); i += 2; continue; }
    if (c === 0x3e && bytes[i + 1] === 0x3e) {
      const items = stack.pop() ?? [];
      const entries = new Map<string, PdfValue>();
      for (let k = 0; k + 1 < items.length; k += 2) {
        const key = items[k];
        if (key && typeof key === "object" && "kind" in key && key.kind === "name") entries.set(key.value, items[k + 1]!);
      }
      top().push({ kind: "dict", entries });
      i += 2; continue;
    }
    if (c === 0x3c) {
      const end = bytes.indexOf(0x3e, i);
      const hex = new TextDecoder("latin1").decode(bytes.subarray(i + 1, end)).replace(/\s+/g, "");
      const padded = hex.length % 2 ? `${hex}0` : hex;
      const out = new Uint8Array(padded.length / 2);
      for (let k = 0; k < out.length; k++) out[k] = parseInt(padded.slice(2 * k, 2 * k + 2), 16);
      top().push({ kind: "string", bytes: out });
      i = end + 1; continue;
    }
    if (c === 0x5b) { stack.push([]); i++; continue; }
    if (c === 0x5d) { const arr = stack.pop() ?? []; top().push(arr); i++; continue; }
    let j = i;
    while (j < bytes.length && !WHITE.has(bytes[j]!) && !DELIM.has(bytes[j]!)) j++;
    if (j === i) { i++; continue; }
    const word = new TextDecoder("latin1").decode(bytes.subarray(i, j));
    i = j;
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) top().push(Number(word));
    else if (word === "true" || word === "false") top().push(word === "true");
    else if (word === "null") top().push(null);
    else if (stack.length === 1) { ops.push({ op: word, operands: stack[0]! }); stack[0] = []; }
  }
  return ops;
}

function literalString(bytes: Uint8Array, start: number): [Uint8Array, number] {
  const out: number[] = [];
  let depth = 0;
  let i = start;
  for (; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === 0x5c) {
      const n = bytes[++i]!;
      const map: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12 };
      if (n >= 0x30 && n <= 0x37) {
        let oct = "";
        while (oct.length < 3 && bytes[i]! >= 0x30 && bytes[i]! <= 0x37) oct += String.fromCharCode(bytes[i++]!);
        i--;
        out.push(parseInt(oct, 8) & 0xff);
      } else if (n === 0x0a || n === 0x0d) {
        if (n === 0x0d && bytes[i + 1] === 0x0a) i++;
      } else out.push(map[n] ?? n);
      continue;
    }
    if (c === 0x28) { depth++; if (depth === 1) continue; }
    if (c === 0x29) { depth--; if (depth === 0) return [Uint8Array.from(out), i + 1]; }
    out.push(c);
  }
  return [Uint8Array.from(out), i];
}

function decodeName(raw: Uint8Array): string {
  return new TextDecoder("latin1").decode(raw).replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** A PDF text string: UTF-16BE with a byte-order mark, else treated as Latin-1. */
export function textString(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let s = "";
    for (let i = 2; i + 1 < bytes.length; i += 2) s += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
    return s;
  }
  return new TextDecoder("latin1").decode(bytes);
}
