import type { Weight } from "./fonts";
import type { TypesetLine } from "./line";
import type { FurnitureLine, Placed } from "./layout-model";
import { drawnCodePoint, type FontFace } from "./measure";

/**
 * Encodes runs of text as glyph ids of one font of the document, and measures them on
 * the way: after `write`, `units` is the run's advance in font units (soft hyphens
 * take none) and `glyphs` the number of glyphs letter spacing applies to.
 */
export interface RunEncoder {
  readonly face: FontFace;
  units: number;
  glyphs: number;
  /** Writes the glyph ids of `text` as a string operand, registering the glyphs in the subset. */
  write(out: ByteWriter, text: string): void;
}

/**
 * A RunEncoder over a function that encodes one character (and registers its glyph),
 * returning its glyph ids as hex. Each character is encoded once per document; the
 * subset then numbers glyphs in order of first use, exactly as encoding whole runs would.
 *
 * Glyph ids are written as literal strings of their two bytes each (with `(`, `)`, `\`
 * and line ends escaped) rather than as hex: half the bytes to build and to deflate.
 *
 * Soft hyphens take no glyph: they only mark where a word may break. A glyph the font
 * draws for several characters (一 and the radical ⼀, 〜 and ～, - and ‑) can name only one
 * of them in the ToUnicode map, the first one the document uses; any other one is written
 * in an ActualText span of its own, so that extracted text says which character it was.
 */
export function runEncoder(face: FontFace, encodeChar: (char: string) => string): RunEncoder {
  // Per code point of the Basic Multilingual Plane: the string bytes of its glyph packed
  // little-endian (two, up to four with escapes), their count plus one (0: not seen yet),
  // and its advance. Code points beyond, and longer encodings, go in a map.
  const packed = new Uint32Array(0x10000);
  const lengths = new Uint8Array(0x10000);
  const advances = new Float64Array(0x10000);
  const long = new Map<number, { bytes: number[]; advance: number }>();
  // The character each glyph (by its string bytes) stands for in the ToUnicode map.
  const owners = new Map<string, number>();
  const learn = (cp: number) => {
    let bytes: number[] = [];
    if (cp !== SOFT_HYPHEN) {
      const char = String.fromCodePoint(cp);
      bytes = literalBytes(encodeChar(char));
      const key = String.fromCharCode(...bytes);
      const drawn = drawnCodePoint(cp);
      const owner = owners.get(key);
      if (owner === undefined) owners.set(key, drawn);
      else if (owner !== drawn) {
        // Encoding a character names it in the ToUnicode map: name the owner again.
        encodeChar(String.fromCodePoint(owner));
        bytes = withActualText(char, bytes);
      }
    }
    const advance = cp === SOFT_HYPHEN ? 0 : face.advance(drawnCodePoint(cp));
    if (cp > 0xffff || bytes.length > 4) return long.set(cp, { bytes, advance }).get(cp)!;
    let p = 0;
    for (let k = bytes.length - 1; k >= 0; k--) p = p * 256 + bytes[k]!;
    packed[cp] = p;
    advances[cp] = advance;
    lengths[cp] = bytes.length + 1;
    return undefined;
  };
  const encoder: RunEncoder = {
    face,
    units: 0,
    glyphs: 0,
    write(out, text) {
      let buffer = out.reserve(text.length * 4 + 2);
      let at = out.length;
      buffer[at++] = 0x28;
      let units = 0;
      let glyphs = 0;
      for (let i = 0; i < text.length; i++) {
        let cp = text.charCodeAt(i);
        if (cp >= 0xd800 && cp <= 0xdbff) {
          cp = text.codePointAt(i)!;
          if (cp > 0xffff) i++;
        }
        const entry = cp > 0xffff || lengths[cp] === 0 ? (long.get(cp) ?? learn(cp)) : undefined;
        if (entry) {
          if (entry.bytes.length > 8) {
            // Longer than the room reserved per character (an ActualText span): make room.
            out.length = at;
            buffer = out.reserve(entry.bytes.length + (text.length - i) * 4 + 2);
          }
          for (const b of entry.bytes) buffer[at++] = b;
          units += entry.advance;
        } else {
          let p = packed[cp]!;
          for (let k = lengths[cp]! - 1; k > 0; k--) { buffer[at++] = p & 0xff; p >>>= 8; }
          units += advances[cp]!;
        }
        if (cp !== SOFT_HYPHEN) glyphs++;
      }
      buffer[at++] = 0x29;
      out.length = at;
      encoder.units = units;
      encoder.glyphs = glyphs;
    },
  };
  return encoder;
}

const SOFT_HYPHEN = 0xad;

/**
 * The glyph's string bytes in a span of their own that says which character they draw:
 * the string and array written so far are closed, and a new one opened after the span.
 * Every write happens inside a TJ array, and TJ moves the pen by what it draws, so the
 * glyphs after the span land exactly where they would have.
 */
function withActualText(char: string, glyph: number[]): number[] {
  let hex = "FEFF";
  for (let i = 0; i < char.length; i++) hex += char.charCodeAt(i).toString(16).toUpperCase().padStart(4, "0");
  const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
  return [...ascii(`)] TJ\n/Span <</ActualText <${hex}>>> BDC\n[(`), ...glyph, ...ascii(")] TJ\nEMC\n[(")];
}

/** Hex digits as the bytes of a literal string, escaped where the string syntax needs it. */
function literalBytes(hex: string): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < hex.length; i += 2) {
    const b = parseInt(hex.slice(i, i + 2), 16);
    if (b === 0x28 || b === 0x29 || b === 0x5c) out.push(0x5c, b);
    else if (b === 0x0d) out.push(0x5c, 0x72);
    else if (b === 0x0a) out.push(0x5c, 0x6e);
    else out.push(b);
  }
  return out;
}

/** The ASCII digits of 000 … 999, three bytes each. */
const DIGITS = Uint8Array.from({ length: 3000 }, (_, i) => 0x30 + (Math.floor((i / 3) / 10 ** (2 - (i % 3))) % 10));

/**
 * A growable byte buffer for content streams: operators go straight in as bytes,
 * without building a string per operator and another per page. Entries are
 * separated by newlines, as joined lines would be.
 */
export class ByteWriter {
  private buffer = new Uint8Array(1 << 16);
  length = 0;

  reset(): void {
    this.length = 0;
  }

  /** The buffer, with room for `n` more bytes after `length`; write into it and advance `length`. */
  reserve(n: number): Uint8Array {
    if (this.length + n > this.buffer.length) this.grow(n);
    return this.buffer;
  }

  /** The bytes written so far (a view, valid until the next write). */
  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  /** Starts a new entry: a newline unless it is the first. */
  entry(): this {
    if (this.length > 0) this.byte(0x0a);
    return this;
  }

  byte(b: number): this {
    if (this.length === this.buffer.length) this.grow(1);
    this.buffer[this.length++] = b;
    return this;
  }

  append(bytes: Uint8Array): this {
    this.reserve(bytes.length).set(bytes, this.length);
    this.length += bytes.length;
    return this;
  }

  /** A string of characters below U+0100, one byte each (operators, names and numbers are ASCII). */
  ascii(s: string): this {
    const n = s.length;
    if (this.length + n > this.buffer.length) this.grow(n);
    const buffer = this.buffer;
    let at = this.length;
    for (let i = 0; i < n; i++) buffer[at++] = s.charCodeAt(i);
    this.length = at;
    return this;
  }

  /** A number as `n()` prints it: three decimals at most, no trailing zeros. */
  num(value: number): this {
    return this.thousandths(Math.round(value * 1000));
  }

  /** A number given as a whole number of thousandths, printed as `num` prints it. */
  thousandths(r: number): this {
    if (r === 0) return this.byte(0x30);
    if (!Number.isFinite(r)) return this.ascii(String(r));
    if (this.length + 24 > this.buffer.length) this.grow(24);
    const buffer = this.buffer;
    let abs = r;
    if (r < 0) { buffer[this.length++] = 0x2d; abs = -r; }
    if (abs >= 0x7fffffff) return this.ascii(String(abs / 1000));
    const whole = (abs / 1000) | 0;
    const frac = abs - whole * 1000;
    this.integer(whole);
    if (frac === 0) return this;
    // The fraction's three digits, without trailing zeros.
    const digits = frac % 100 === 0 ? 1 : frac % 10 === 0 ? 2 : 3;
    let at = this.length;
    buffer[at++] = 0x2e;
    for (let d = 0; d < digits; d++) buffer[at++] = DIGITS[frac * 3 + d]!;
    this.length = at;
    return this;
  }

  /** A non-negative whole number below 2³¹. */
  private integer(value: number): void {
    const buffer = this.buffer;
    let at = this.length;
    if (value >= 1000) {
      const high = (value / 1000) | 0;
      this.integer(high);
      at = this.length;
      const low = value - high * 1000;
      buffer[at++] = DIGITS[low * 3]!;
      buffer[at++] = DIGITS[low * 3 + 1]!;
      buffer[at++] = DIGITS[low * 3 + 2]!;
    } else {
      const first = value < 10 ? 2 : value < 100 ? 1 : 0;
      for (let d = first; d < 3; d++) buffer[at++] = DIGITS[value * 3 + d]!;
    }
    this.length = at;
  }

  private grow(needed: number): void {
    let size = this.buffer.length * 2;
    while (size < this.length + needed) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }
}

/** What the content writer needs from the document: glyph encoding and resource names. */
export interface ContentResources {
  encoder(weight: Weight): RunEncoder;
  fontKey(weight: Weight): string;
  imageKey(signatoryId: string): string;
  /** Graphics state that multiplies colours, so a watermark drawn last still lies under the ink. */
  multiplyKey(): string;
}

type Line = Extract<Placed, { type: "line" }>;

/**
 * Text state (Tf, Tc) and the fill colour outlive BT/ET, so they are tracked through a
 * page; so is the start of the current text line inside a BT block, in thousandths of a
 * point (`lineX` NaN when a rotated line made it unknown), which lets lines be placed
 * with short relative moves.
 */
export interface TextState { font: string; size: number; tc: number; gray: number; lineX: number; lineY: number }

export function newTextState(): TextState {
  return { font: "", size: Number.NaN, tc: 0, gray: 0, lineX: Number.NaN, lineY: 0 };
}

/** BT: the text line matrix starts at the origin again. */
function beginText(out: ByteWriter, state: TextState): void {
  out.entry().ascii("BT");
  state.lineX = 0;
  state.lineY = 0;
}

/**
 * Writes the part of a page's content stream known once it is laid out: its running
 * header (the Header items of `furniture`), the rules and the body; appends to `out`.
 * Text is grouped in marked-content spans that carry the language and the block and
 * row it belongs to, which is what lets a reader (and our checker) take the columns
 * apart again. Glyph positions come from the layout: word and letter spacing are TJ
 * adjustments and Tc, never Tw, which Identity-H fonts ignore. A line-end hyphen is
 * wrapped in an empty ActualText so extracted words come out whole.
 */
export function writePageHead(
  out: ByteWriter, furniture: FurnitureLine[], rules: Placed[], body: Placed[], res: ContentResources, state: TextState,
): void {
  writeFurniture(out, furniture, "Header", res, state);
  for (const rule of rules) if (rule.type === "rule") drawRule(out, rule, true);
  for (let i = 0; i < body.length; ) {
    const item = body[i]!;
    if (item.type !== "line") {
      if (item.type === "rule") drawRule(out, item, false);
      else {
        out.entry().ascii("q ").num(item.width).ascii(" 0 0 ").num(item.height).byte(0x20).num(item.x).byte(0x20).num(item.y)
          .ascii(` cm /${res.imageKey(item.signatoryId)} Do Q`);
      }
      i++;
      continue;
    }
    // Text outside the parallel columns belongs to no row, so it carries none.
    const row = item.fullWidth ? "" : ` /Row ${pdfString(item.rowId)}`;
    out.entry().ascii(`/Span <</Lang (${item.line.lang}) /Block ${pdfString(item.blockId)}${row}>> BDC`);
    beginText(out, state);
    while (i < body.length && sameSpan(body[i]!, item)) {
      const l = body[i++] as Line;
      writeLine(out, l.line, l.x, l.y, l.angle, state, res);
    }
    out.entry().ascii("ET");
    out.entry().ascii("EMC");
  }
}

/** The part written once the page count is known: page numbers and the draft watermark. Appends to `out`. */
export function writePageTail(out: ByteWriter, furniture: FurnitureLine[], res: ContentResources, state: TextState): void {
  writeFurniture(out, furniture, "Footer", res, state);
  // Drawn last so text extraction meets it after the page's text, multiplied so it never hides a stroke.
  if (furniture.some((f) => f.kind === "Watermark")) {
    out.entry().ascii(`q /${res.multiplyKey()} gs`);
    writeFurniture(out, furniture, "Watermark", res, state);
    out.entry().ascii("Q");
    state.font = "";
    state.gray = -1;
  }
}

function writeFurniture(out: ByteWriter, furniture: FurnitureLine[], kind: FurnitureLine["kind"], res: ContentResources, state: TextState): void {
  for (const f of furniture) {
    if (f.kind !== kind) continue;
    out.entry().ascii(`/Artifact <</Type /Pagination /Subtype /${f.kind}>> BDC`);
    beginText(out, state);
    writeLine(out, f.line, f.x, f.y, f.angle, state, res);
    out.entry().ascii("ET");
    out.entry().ascii("EMC");
  }
}

function sameSpan(a: Placed, b: Line): boolean {
  return a.type === "line" && a.blockId === b.blockId && a.rowId === b.rowId && a.column === b.column && a.line.lang === b.line.lang
    && a.fullWidth === b.fullWidth;
}

function writeLine(
  out: ByteWriter, line: TypesetLine, x: number, y: number, angle: number | undefined, state: TextState, res: ContentResources,
): void {
  const first = line.runs[0];
  if (!first) return;
  const font = res.fontKey(line.weight);
  if (font !== state.font || line.size !== state.size) {
    state.font = font;
    state.size = line.size;
    out.entry().byte(0x2f).ascii(font).byte(0x20).num(line.size).ascii(" Tf");
  }
  if (line.gray !== state.gray) out.entry().num((state.gray = line.gray)).ascii(" g");
  if (angle) {
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    out.entry().num(cos).byte(0x20).num(sin).byte(0x20).num(-sin).byte(0x20).num(cos).byte(0x20)
      .num(x + first.x * cos).byte(0x20).num(y + first.x * sin).ascii(" Tm");
    state.lineX = Number.NaN;
  } else {
    // A move from the previous line's start (from the origin after BT), in whole thousandths,
    // so the lines land exactly where absolute positions rounded the same way would put them.
    const lineX = Math.round((x + first.x) * 1000);
    const lineY = Math.round(y * 1000);
    if (Number.isNaN(state.lineX)) out.entry().ascii("1 0 0 1 ").thousandths(lineX).byte(0x20).thousandths(lineY).ascii(" Tm");
    else out.entry().thousandths(lineX - state.lineX).byte(0x20).thousandths(lineY - state.lineY).ascii(" Td");
    state.lineX = lineX;
    state.lineY = lineY;
  }
  const encoder = res.encoder(line.weight);
  const unitsPerEm = encoder.face.unitsPerEm;
  const size = line.size;
  let pen = x + first.x;
  let open = false;
  for (const run of line.runs) {
    const tc = run.letterSpacing ?? line.letterSpacing;
    if (Math.abs(tc - state.tc) > 1e-9) {
      if (open) out.ascii("] TJ");
      open = false;
      out.entry().num((state.tc = tc)).ascii(" Tc");
    }
    if (!open) { out.entry().byte(0x5b); open = true; }
    adjustment(out, pen, x + run.x, size);
    encoder.write(out, run.text);
    pen = x + run.x + (encoder.units * size) / unitsPerEm + tc * encoder.glyphs;
  }
  if (open) out.ascii("] TJ");
  if (line.hyphenAt !== undefined) {
    out.entry().ascii("/Span <</ActualText ()>> BDC");
    out.entry().byte(0x5b);
    adjustment(out, pen, x + line.hyphenAt, size);
    encoder.write(out, "-");
    out.ascii("] TJ");
    out.entry().ascii("EMC");
  }
}

/** TJ displacement (thousandths of an em, positive moves left) taking the pen from `pen` to `x`. */
function adjustment(out: ByteWriter, pen: number, x: number, size: number): void {
  const value = ((pen - x) * 1000) / size;
  if (Math.abs(value) > 0.0005) out.num(value).byte(0x20);
}

function drawRule(out: ByteWriter, rule: Extract<Placed, { type: "rule" }>, artifact: boolean): void {
  out.entry();
  if (artifact) out.ascii("/Artifact <</Type /Layout>> BDC ");
  out.ascii("q ").num(rule.width).ascii(" w ").num(rule.gray).ascii(" G ").num(rule.x1).byte(0x20).num(rule.y).ascii(" m ")
    .num(rule.x2).byte(0x20).num(rule.y).ascii(" l S Q");
  if (artifact) out.ascii(" EMC");
}

/** Compact number: three decimals at most, no trailing zeros. */
export function n(value: number): string {
  // Formatted from the integer number of thousandths: cheaper than printing a fraction.
  const r = Math.round(value * 1000);
  if (r === 0) return "0";
  if (r % 1000 === 0) return String(r / 1000);
  if (!Number.isFinite(r)) return String(r);
  const abs = r < 0 ? -r : r;
  const whole = Math.floor(abs / 1000);
  const frac = abs - whole * 1000;
  const digits = frac % 100 === 0 ? String(frac / 100) : frac % 10 === 0 ? String(frac / 10).padStart(2, "0") : String(frac).padStart(3, "0");
  return `${r < 0 ? "-" : ""}${whole}.${digits}`;
}

/** A PDF text string: literal when plain ASCII, UTF-16BE hex otherwise. */
export function pdfString(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return `(${value.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  let hex = "FEFF";
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).padStart(4, "0").toUpperCase();
  return `<${hex}>`;
}
