import { parseContent, textString, type Operation, type PdfValue } from "./content-lexer";
import type { PdfFont, PdfPage } from "./read-pdf";

/** One drawn glyph with where it landed and the marked content around it. */
export interface DrawnGlyph {
  page: number;
  /** Index of the text-positioning operation (Tm/Td/…) it follows: our unit of "line". */
  lineId: number;
  x: number;
  y: number;
  size: number;
  /** Advance of the glyph alone (no character spacing), in user space. */
  advance: number;
  cid: number;
  /** Its Unicode text, or what an enclosing ActualText replaces it with ("" after the first glyph). */
  text: string;
  hasUnicode: boolean;
  font: PdfFont;
  lang?: string;
  block?: string;
  row?: string;
  artifact: boolean;
  upright: boolean;
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

interface Mark { tag: string; props: Map<string, PdfValue>; actualText?: string; used?: boolean }

/** Runs a page's content stream far enough to know every glyph's position, font, text and span. */
export function drawnGlyphs(page: PdfPage, lineCounter = { next: 0 }): DrawnGlyph[] {
  const glyphs: DrawnGlyph[] = [];
  let ctm: Matrix = IDENTITY;
  const saved: Matrix[] = [];
  let tm: Matrix = IDENTITY;
  let tlm: Matrix = IDENTITY;
  let font: PdfFont | undefined;
  let size = 0;
  let tc = 0;
  let tz = 1;
  let leading = 0;
  let lineId = -1;
  const marks: Mark[] = [];
  const num = (v: PdfValue | undefined) => (typeof v === "number" ? v : 0);
  const newLine = (m: Matrix) => { tm = tlm = m; lineId = lineCounter.next++; };
  const prop = (key: string) => {
    for (let i = marks.length - 1; i >= 0; i--) {
      const v = marks[i]!.props.get(key);
      if (v && typeof v === "object" && "kind" in v && v.kind === "string") return textString(v.bytes);
    }
    return undefined;
  };
  const show = (bytes: Uint8Array) => {
    if (!font) return;
    const step = font.twoByte ? 2 : 1;
    for (let i = 0; i + step - 1 < bytes.length; i += step) {
      const cid = step === 2 ? (bytes[i]! << 8) | bytes[i + 1]! : bytes[i]!;
      const w = (font.widths.get(cid) ?? font.defaultWidth) / 1000;
      const trm = multiply([size * tz, 0, 0, size, 0, 0], multiply(tm, ctm));
      const unicode = font.toUnicode.get(cid);
      const actual = [...marks].reverse().find((m) => m.actualText !== undefined);
      let text = unicode ?? "";
      if (actual) { text = actual.used ? "" : actual.actualText!; actual.used = true; }
      glyphs.push({
        page: page.number, lineId, x: trm[4], y: trm[5], size: Math.hypot(trm[2], trm[3]), advance: w * Math.hypot(trm[0], trm[1]),
        cid, text, hasUnicode: unicode !== undefined, font, lang: prop("Lang"), block: prop("Block"), row: prop("Row"),
        artifact: marks.some((m) => m.tag === "Artifact"), upright: Math.abs(trm[1]) < 1e-6 && trm[0] > 0,
      });
      tm = multiply([1, 0, 0, 1, (w * size + tc) * tz, 0], tm);
    }
  };
  for (const { op, operands: a } of parseContent(page.content) as Operation[]) {
    switch (op) {
      case "q": saved.push(ctm); break;
      case "Q": ctm = saved.pop() ?? IDENTITY; break;
      case "cm": ctm = multiply(a.map(num) as Matrix, ctm); break;
      case "BT": newLine(IDENTITY); break;
      case "Tf": {
        const name = a[0];
        font = name && typeof name === "object" && "kind" in name && name.kind === "name" ? page.fonts.get(name.value) : undefined;
        size = num(a[1]);
        break;
      }
      case "Tc": tc = num(a[0]); break;
      case "Tz": tz = num(a[0]) / 100; break;
      case "TL": leading = num(a[0]); break;
      case "Tm": newLine(a.map(num) as Matrix); break;
      case "Td": newLine(multiply([1, 0, 0, 1, num(a[0]), num(a[1])], tlm)); break;
      case "TD": leading = -num(a[1]); newLine(multiply([1, 0, 0, 1, num(a[0]), num(a[1])], tlm)); break;
      case "T*": newLine(multiply([1, 0, 0, 1, 0, -leading], tlm)); break;
      case "Tj": case "'": case '"': {
        if (op !== "Tj") newLine(multiply([1, 0, 0, 1, 0, -leading], tlm));
        const s = a[a.length - 1];
        if (s && typeof s === "object" && "kind" in s && s.kind === "string") show(s.bytes);
        break;
      }
      case "TJ":
        for (const part of (Array.isArray(a[0]) ? a[0] : []) as PdfValue[]) {
          if (typeof part === "number") tm = multiply([1, 0, 0, 1, (-part / 1000) * size * tz, 0], tm);
          else if (part && typeof part === "object" && "kind" in part && part.kind === "string") show(part.bytes);
        }
        break;
      case "BMC": case "BDC": {
        const tag = a[0] && typeof a[0] === "object" && "kind" in a[0] && a[0].kind === "name" ? a[0].value : "";
        const dict = a[1] && typeof a[1] === "object" && "kind" in a[1] && a[1].kind === "dict" ? a[1].entries : new Map<string, PdfValue>();
        const at = dict.get("ActualText");
        const actualText = at && typeof at === "object" && "kind" in at && at.kind === "string" ? textString(at.bytes) : undefined;
        marks.push({ tag, props: dict, actualText });
        break;
      }
      case "EMC": marks.pop(); break;
    }
  }
  return glyphs;
}
