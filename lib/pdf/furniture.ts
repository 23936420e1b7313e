import type { CommuniqueContent } from "@/lib/communique/content";
import type { FurnitureLine } from "./layout-model";
import { measure } from "./measure";
import { COLUMNS, columnWidth, FOOTER_BASELINE, HEADER_BASELINE, PAGE } from "./page-geometry";
import { STYLES } from "./style";
import { typesetParagraph, type Faces } from "./typeset-paragraph";

export const WATERMARK_TEXT = "ПРОЕКТ 草案";
const WATERMARK_SIZE = 96;
export const WATERMARK_GRAY = 0.86;

export function pageLabels(n: number, total: number) {
  return { ru: `Стр. ${n} из ${total}`, ja: `${n}／${total}頁` };
}

/** The furniture of one document's pages; what is the same on every page is set once. */
export interface DocumentFurniture {
  /** Everything on a page, in the order layouts list it: watermark, running header, page numbers. */
  all(page: number, total: number): FurnitureLine[];
  /** What is drawn before the body: the running header, from page 2. */
  head(page: number): FurnitureLine[];
  /** What is drawn after the body, once the page count is known: page numbers, the draft mark. */
  tail(page: number, total: number): FurnitureLine[];
}

/**
 * Running header (from page 2: the first page has the title), page numbers in
 * both languages, and the draft watermark across the page diagonal.
 */
export function documentFurniture(content: CommuniqueContent, draft: boolean, faces: Faces): DocumentFurniture {
  let header: FurnitureLine[] | undefined;
  let mark: FurnitureLine | undefined;
  const head = (page: number) => (page > 1 ? (header ??= runningHeader(content, faces)) : []);
  const marks = () => (draft ? [(mark ??= watermark(faces))] : []);
  return {
    all: (page, total) => [...marks(), ...head(page), ...pageNumbers(page, total, faces)],
    head,
    tail: (page, total) => [...marks(), ...pageNumbers(page, total, faces)],
  };
}

function pageNumbers(page: number, total: number, faces: Faces): FurnitureLine[] {
  const out: FurnitureLine[] = [];
  const labels = pageLabels(page, total);
  const ru = typesetParagraph(labels.ru, "ru", STYLES.furniture("ru"), faces, columnWidth("ru"));
  const ja = typesetParagraph(labels.ja, "ja", STYLES.furniture("ja"), faces, columnWidth("ja"));
  if (ru[0]) out.push({ line: ru[0], x: COLUMNS.left.x, y: FOOTER_BASELINE, kind: "Footer" });
  if (ja[0]) out.push({ line: ja[0], x: COLUMNS.right.x, y: FOOTER_BASELINE, kind: "Footer" });
  return out;
}

function runningHeader(content: CommuniqueContent, faces: Faces): FurnitureLine[] {
  const left = typesetParagraph(content.shortTitle.ru, "ru", { ...STYLES.furniture("ru"), align: "left" }, faces, columnWidth("ru"));
  const right = typesetParagraph(content.shortTitle.ja, "ja", { ...STYLES.furniture("ja"), align: "right" }, faces, columnWidth("ja"));
  const lines: FurnitureLine[] = [];
  if (left[0]) lines.push({ line: left[0], x: COLUMNS.left.x, y: HEADER_BASELINE, kind: "Header" });
  if (right[0]) lines.push({ line: right[0], x: COLUMNS.right.x, y: HEADER_BASELINE, kind: "Header" });
  return lines;
}

function watermark(faces: Faces): FurnitureLine {
  const angle = Math.atan2(PAGE.height, PAGE.width);
  const width = measure(faces.bold, WATERMARK_SIZE, WATERMARK_TEXT);
  const capHeight = WATERMARK_SIZE * 0.7;
  // Centre the text on the page centre along the diagonal.
  const cx = PAGE.width / 2 - (Math.cos(angle) * width) / 2 + (Math.sin(angle) * capHeight) / 2;
  const cy = PAGE.height / 2 - (Math.sin(angle) * width) / 2 - (Math.cos(angle) * capHeight) / 2;
  return {
    kind: "Watermark",
    x: cx,
    y: cy,
    angle,
    line: {
      lang: "ru", weight: "bold", size: WATERMARK_SIZE, gray: WATERMARK_GRAY, letterSpacing: 0,
      runs: [{ text: WATERMARK_TEXT, x: 0 }], width, justified: false,
    },
  };
}
