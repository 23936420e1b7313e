import {
  decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef,
  PDFHexString, PDFString, type PDFObject,
} from "@cantoo/pdf-lib";

/** A font as the checker sees it, read back from the PDF's own dictionaries. */
export interface PdfFont {
  baseFont: string;
  toUnicode: Map<number, string>;
  widths: Map<number, number>;
  defaultWidth: number;
  /** FontDescriptor /Ascent, in thousandths of the font size. */
  ascent: number;
  twoByte: boolean;
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  content: Uint8Array;
  fonts: Map<string, PdfFont>;
}

export interface PdfFile {
  pages: PdfPage[];
  catalogLang?: string;
  attachments: Map<string, Uint8Array>;
  info: Record<string, string>;
}

/** Loads a PDF and exposes what text checks need, without trusting anything but the file. */
export async function readPdf(bytes: Uint8Array): Promise<PdfFile> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const fontCache = new Map<string, PdfFont>();
  const pages = doc.getPages().map((page, i) => {
    const fonts = new Map<string, PdfFont>();
    const fontDict = page.node.Resources()?.lookupMaybe(PDFName.of("Font"), PDFDict);
    for (const [key, value] of fontDict?.entries() ?? []) {
      const id = value instanceof PDFRef ? value.toString() : `${i}:${key.asString()}`;
      let font = fontCache.get(id);
      if (!font) fontCache.set(id, (font = readFont(doc, doc.context.lookup(value, PDFDict))));
      fonts.set(key.decodeText(), font);
    }
    const { width, height } = page.getSize();
    return { number: i + 1, width, height, content: pageContent(doc, page.node.Contents()), fonts };
  });
  const lang = doc.catalog.lookupMaybe(PDFName.of("Lang"), PDFString, PDFHexString)?.decodeText();
  const info: Record<string, string> = {};
  for (const [k, get] of Object.entries({ Title: doc.getTitle(), Author: doc.getAuthor(), Subject: doc.getSubject() })) if (get) info[k] = get;
  return { pages, catalogLang: lang, attachments: readAttachments(doc), info };
}

function streamBytes(doc: PDFDocument, obj: PDFObject | undefined): Uint8Array {
  const stream = obj instanceof PDFRef ? doc.context.lookup(obj) : obj;
  if (stream instanceof PDFRawStream) return decodePDFRawStream(stream).decode();
  return new Uint8Array();
}

function pageContent(doc: PDFDocument, contents: PDFObject | undefined): Uint8Array {
  if (!contents) return new Uint8Array();
  const parts = contents instanceof PDFArray ? contents.asArray().map((p) => streamBytes(doc, p)) : [streamBytes(doc, contents)];
  const total = parts.reduce((s, p) => s + p.length + 1, 0);
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) { out.set(p, o); out[o + p.length] = 0x0a; o += p.length + 1; }
  return out;
}

function readFont(doc: PDFDocument, dict: PDFDict): PdfFont {
  const font: PdfFont = {
    baseFont: dict.lookupMaybe(PDFName.of("BaseFont"), PDFName)?.decodeText() ?? "",
    toUnicode: parseToUnicode(new TextDecoder("latin1").decode(streamBytes(doc, dict.get(PDFName.of("ToUnicode"))))),
    widths: new Map(), defaultWidth: 1000, ascent: 800, twoByte: false,
  };
  const descendants = dict.lookupMaybe(PDFName.of("DescendantFonts"), PDFArray);
  const cid = descendants ? doc.context.lookup(descendants.get(0), PDFDict) : undefined;
  if (cid) {
    font.twoByte = true;
    font.defaultWidth = cid.lookupMaybe(PDFName.of("DW"), PDFNumber)?.asNumber() ?? 1000;
    const w = cid.lookupMaybe(PDFName.of("W"), PDFArray)?.asArray() ?? [];
    for (let k = 0; k < w.length; ) {
      const first = (w[k] as PDFNumber).asNumber();
      const next = w[k + 1];
      if (next instanceof PDFArray) {
        next.asArray().forEach((v, j) => font.widths.set(first + j, (v as PDFNumber).asNumber()));
        k += 2;
      } else {
        const last = (next as PDFNumber).asNumber();
        const width = (w[k + 2] as PDFNumber).asNumber();
        for (let g = first; g <= last; g++) font.widths.set(g, width);
        k += 3;
      }
    }
    const descriptor = cid.lookupMaybe(PDFName.of("FontDescriptor"), PDFDict);
    font.ascent = descriptor?.lookupMaybe(PDFName.of("Ascent"), PDFNumber)?.asNumber() ?? font.ascent;
  }
  return font;
}

/** bfchar and bfrange entries of a ToUnicode CMap. */
export function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => {
    const units: number[] = [];
    for (let i = 0; i + 3 < hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
    return String.fromCharCode(...units);
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) map.set(parseInt(m[1]!, 16), utf16(m[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])/g)) {
      const lo = parseInt(m[1]!, 16);
      const hi = parseInt(m[2]!, 16);
      const target = m[3]!;
      if (target.startsWith("[")) {
        [...target.matchAll(/<([0-9a-fA-F]+)>/g)].forEach((t, j) => map.set(lo + j, utf16(t[1]!)));
      } else {
        const base = utf16(target.slice(1, -1));
        for (let c = lo; c <= hi; c++) map.set(c, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + (c - lo)));
      }
    }
  }
  return map;
}

function readAttachments(doc: PDFDocument): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const names = doc.catalog.lookupMaybe(PDFName.of("Names"), PDFDict);
  const walk = (node: PDFDict | undefined) => {
    if (!node) return;
    const list = node.lookupMaybe(PDFName.of("Names"), PDFArray)?.asArray() ?? [];
    for (let i = 0; i + 1 < list.length; i += 2) {
      const name = doc.context.lookup(list[i]);
      const spec = doc.context.lookup(list[i + 1], PDFDict);
      const ef = spec.lookupMaybe(PDFName.of("EF"), PDFDict);
      const key = name instanceof PDFString || name instanceof PDFHexString ? name.decodeText() : String(name);
      if (ef) out.set(key, streamBytes(doc, ef.get(PDFName.of("F"))));
    }
    for (const kid of node.lookupMaybe(PDFName.of("Kids"), PDFArray)?.asArray() ?? []) walk(doc.context.lookup(kid, PDFDict));
  };
  walk(names?.lookupMaybe(PDFName.of("EmbeddedFiles"), PDFDict));
  return out;
}
