import type { CommuniqueContent, Lang, SignatoryEntry } from "@/lib/communique/content";
import { SIGNING_BLOCK_ID } from "./block-text";
import type { Row, Slice, SliceItem } from "./layout-model";
import { ascentOf, measure } from "./measure";
import { columnWidth, type Column } from "./page-geometry";
import { isJapaneseText, signedLabel, type SignatureMarks } from "./signature-marks";
import { SPACE, STYLES, type ParagraphStyle } from "./style";
import { typesetParagraph, type Faces } from "./typeset-paragraph";

/** Signature line and name cell, as fractions of the column. */
const LINE = 0.52;
const NAME_AT = 0.56;
const SIGNING_AREA = 40;
const TYPED_SIZE = 15;

/**
 * Place and date of signing, then one row per signature pair: the n-th Russian
 * signatory on the left beside the n-th Japanese one on the right. A row is never
 * split, and its signature lines sit at one height in both columns.
 */
export function signatureRows(content: CommuniqueContent, faces: Faces, marks: SignatureMarks): Row[] {
  const ru = content.signatories.filter((s) => s.side === "RU");
  const jp = content.signatories.filter((s) => s.side === "JP");
  const rows: Row[] = [placeDateRow(content, faces)];
  for (let i = 0; i < Math.max(ru.length, jp.length); i++) {
    const left = ru[i];
    const right = jp[i];
    const titles = {
      left: left ? titleItems(left, "ru", faces) : { items: [], height: 0 },
      right: right ? titleItems(right, "ja", faces) : { items: [], height: 0 },
    };
    const ruleY = Math.max(titles.left.height, titles.right.height) + SIGNING_AREA;
    const side = (who: SignatoryEntry | undefined, column: Column): Slice[] =>
      who ? [signatureSlice(who, column === "left" ? "ru" : "ja", titles[column].items, ruleY, faces, marks)] : [];
    rows.push({
      id: `signatures-${i + 1}`, blockId: `signatures-${i + 1}`,
      sides: { left: side(left, "left"), right: side(right, "right") },
      spaceBefore: SPACE.betweenSignatureRows, keepWithNext: false, splittable: false,
    });
  }
  return rows;
}

function placeDateRow(content: CommuniqueContent, faces: Faces): Row {
  const { place, placeDate } = content.signing;
  // Place on the left and date on the right of one line when both fit; else stacked.
  const side = (lang: Lang, first: string, second: string): Slice[] => {
    const style = STYLES.body(lang);
    const a = set(first, lang, { ...style, align: "left", indent: 0 }, faces, columnWidth(lang));
    const right = set(second, lang, { ...style, align: "right", indent: 0 }, faces, columnWidth(lang));
    const oneLine = a.length === 1 && right.length === 1 && a[0]!.width + 1.5 * style.size < (right[0]!.runs[0]?.x ?? 0);
    const b = oneLine ? right : set(second, lang, { ...style, align: "left", indent: 0 }, faces, columnWidth(lang));
    const ascent = ascentOf(faces.regular, style.size);
    const items: SliceItem[] = [];
    const lines = [...a, ...b];
    lines.forEach((line, i) => {
      const y = ascent + (oneLine ? 0 : i * style.leading);
      items.push({ type: "line", line, x: 0, y, blockId: SIGNING_BLOCK_ID });
    });
    return [{ height: (oneLine ? 1 : lines.length) * style.leading, items }];
  };
  return {
    id: SIGNING_BLOCK_ID, blockId: SIGNING_BLOCK_ID, spaceBefore: SPACE.beforeSignatures, keepWithNext: true, splittable: false,
    sides: { left: side("ru", place.ru, placeDate.ru), right: side("ja", placeDate.ja, place.ja) },
  };
}

function titleItems(who: SignatoryEntry, lang: Lang, faces: Faces) {
  const other: Lang = lang === "ru" ? "ja" : "ru";
  const items: SliceItem[] = [];
  let y = 0;
  for (const [text, l, style] of [[who.title[lang], lang, STYLES.signatureTitle(lang)], [who.title[other], other, STYLES.signatureSecond(other)]] as const) {
    const ascent = ascentOf(faces[style.weight], style.size);
    for (const line of set(text, l, style, faces, columnWidth(lang))) {
      items.push({ type: "line", line, x: 0, y: y + ascent, blockId: who.id });
      y += style.leading;
    }
    y += 2;
  }
  return { items, height: y };
}

function signatureSlice(
  who: SignatoryEntry, lang: Lang, titles: SliceItem[], ruleY: number, faces: Faces, marks: SignatureMarks,
): Slice {
  const other: Lang = lang === "ru" ? "ja" : "ru";
  const items: SliceItem[] = [...titles];
  const width = columnWidth(lang);
  const LINE_WIDTH = width * LINE;
  const NAME_X = width * NAME_AT;
  const mark = marks[who.id];
  if (mark?.kind === "image") {
    // Fitted into the signing area above the line, aspect ratio kept, centred on the line.
    const scale = Math.min(LINE_WIDTH / mark.width, (SIGNING_AREA - 8) / mark.height);
    const w = mark.width * scale;
    const h = mark.height * scale;
    items.push({ type: "image", signatoryId: who.id, x: (LINE_WIDTH - w) / 2, y: ruleY - 2 - h, width: w, height: h });
  } else if (mark?.kind === "typed") {
    items.push(...typedSignature(mark.typedName, LINE_WIDTH, ruleY, faces, `signed:${who.id}`));
  }
  items.push({ type: "rule", x1: 0, x2: LINE_WIDTH, y: ruleY, width: 0.6 });
  let y = ruleY;
  for (const [text, l, style] of [[who.name[lang], lang, STYLES.signatureName(lang)], [who.name[other], other, { ...STYLES.signatureSecond(other), align: "right" }]] as const) {
    for (const line of set(text, l, style as ParagraphStyle, faces, width - NAME_X)) {
      items.push({ type: "line", line, x: NAME_X, y, blockId: who.id });
      y += style.leading;
    }
  }
  if (mark) {
    const style = STYLES.signatureSecond(lang);
    for (const line of set(signedLabel(mark.signedOn, lang), lang, style, faces, LINE_WIDTH)) {
      items.push({ type: "line", line, x: 0, y: ruleY + style.leading, blockId: `signed:${who.id}` });
    }
  }
  return { height: Math.max(y, ruleY + 14), items };
}

/** A typed signature: the name as typed, as large as fits (at most 15 pt), centred just above the line. */
function typedSignature(name: string, width: number, ruleY: number, faces: Faces, blockId: string): SliceItem[] {
  const lang: Lang = isJapaneseText(name) ? "ja" : "ru";
  const natural = measure(faces.regular, TYPED_SIZE, name);
  const size = Math.max(8, Math.min(TYPED_SIZE, Math.floor((TYPED_SIZE * (width - 4) * 10) / Math.max(natural, 1)) / 10));
  const style: ParagraphStyle = { weight: "regular", size, leading: size * 1.15, align: "center", indent: 0, tracking: 0, gray: 0.12 };
  const lines = set(name, lang, style, faces, width);
  const baseline = ruleY - 6;
  return lines.map((line, i) => ({ type: "line" as const, line, x: 0, y: baseline - (lines.length - 1 - i) * style.leading, blockId }));
}

function set(text: string, lang: Lang, style: ParagraphStyle, faces: Faces, width: number) {
  return typesetParagraph(text, lang, style, faces, width);
}
