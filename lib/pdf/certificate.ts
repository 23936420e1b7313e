import type { Bilingual, CommuniqueContent, Lang } from "@/lib/communique/content";
import type { Placed } from "./layout-model";
import type { TypesetLine } from "./line";
import { ascentOf } from "./measure";
import { BODY_BOTTOM, BODY_TOP, COLUMNS, TEXT_RIGHT } from "./page-geometry";
import type { ParagraphStyle } from "./style";
import { typesetParagraph, type Faces } from "./typeset-paragraph";
import { russianItems } from "./typeset-ru";

/** One approval or signature of the revision, as the completion certificate lists it. */
export interface CertificateEvent {
  kind: "approval" | "signature";
  /** The person who acted. */
  who: Bilingual;
  /** Their title or role. */
  role: Bilingual;
  /** Whom they acted for, when a deputy acted for a head of delegation. */
  onBehalfOf?: Bilingual;
  /** When, as an ISO date-time; printed in UTC. */
  at: string;
  ip: string;
  /** How a signature was given (drawn, typed, seal). */
  method?: Bilingual;
  /** SHA-256 of the revision acted on, when it is not the certificate's revision. */
  revisionHash?: string;
}

/**
 * The certificate of completion printed as the last page(s) of a signed communiqué:
 * what was signed (revision number and hash), the head of the audit chain, how the
 * file is sealed, and every approval and signature with who, when and from where.
 */
export interface CompletionCertificate {
  /** The heading, e.g. «Лист подтверждения подписания» / 「署名完了証明書」. */
  title: Bilingual;
  revision: { number: number; hash: string };
  /** Hash of the latest audit event when the document was produced. */
  auditHead: string;
  /** Which certificate seals the file, as the caller words it. */
  sealNote: Bilingual;
  events: CertificateEvent[];
  /** When the certificate was produced, as an ISO date-time; printed in UTC. */
  generatedAt: string;
}

/** The marked-content block of the certificate's text; the checker knows it is not communiqué text. */
export const CERTIFICATE_BLOCK_ID = "certificate";

/** Every text the certificate prints, for the missing-glyph check before rendering. */
export function* certificateTexts(cert: CompletionCertificate): Generator<{ lang: Lang; text: string }> {
  const both = function* (t: Bilingual | undefined) {
    if (!t) return;
    yield { lang: "ru" as const, text: t.ru };
    yield { lang: "ja" as const, text: t.ja };
  };
  yield* both(cert.title);
  yield* both(cert.sealNote);
  for (const label of Object.values(LABELS)) yield* both(label);
  for (const column of COLUMNS_OF_TABLE) yield* both(column.head);
  for (const e of cert.events) {
    yield* both(e.who);
    yield* both(e.role);
    yield* both(e.onBehalfOf);
    yield* both(e.method);
    yield { lang: "ru", text: e.ip };
  }
  yield { lang: "ru", text: `${cert.revision.hash} ${cert.auditHead}` };
}

const LABELS = {
  document: { ru: "Документ", ja: "文書" },
  meeting: { ru: "Встреча", ja: "会議" },
  signing: { ru: "Место и дата подписания", ja: "署名地・署名日" },
  revision: { ru: "Редакция", ja: "版" },
  hash: { ru: "SHA-256 редакции", ja: "版のSHA-256" },
  audit: { ru: "Последняя запись журнала аудита (SHA-256)", ja: "監査ログ最新記録のSHA-256" },
  seal: { ru: "Электронная печать", ja: "電子印" },
  generated: { ru: "Лист составлен (UTC)", ja: "作成日時（UTC）" },
  events: { ru: "Одобрения и подписи", ja: "承認および署名" },
  continued: { ru: "Одобрения и подписи (продолжение)", ja: "承認および署名（続き）" },
  approval: { ru: "Одобрение", ja: "承認" },
  signature: { ru: "Подпись", ja: "署名" },
  onBehalf: { ru: "от имени", ja: "代理" },
  note: {
    ru: "Время указано по UTC. Хеши — SHA-256 в шестнадцатеричной записи; в таблице — первые 8 знаков хеша редакции.",
    ja: "時刻は協定世界時（UTC）。ハッシュはSHA-256の16進表記。表中の版ハッシュは先頭8桁。",
  },
} as const;

/** Columns of the event table: heading and width (points, of the 487.6 pt text block). */
const COLUMNS_OF_TABLE = [
  { key: "n", head: { ru: "№", ja: "" }, width: 16 },
  { key: "kind", head: { ru: "Действие", ja: "種別" }, width: 51 },
  { key: "who", head: { ru: "Лицо", ja: "氏名" }, width: 97 },
  { key: "role", head: { ru: "Должность, полномочия", ja: "役職・代理" }, width: 105 },
  { key: "at", head: { ru: "Время (UTC)", ja: "日時（UTC）" }, width: 58.5 },
  { key: "ip", head: { ru: "IP-адрес", ja: "IPアドレス" }, width: 56 },
  { key: "method", head: { ru: "Способ", ja: "方法" }, width: 53 },
  { key: "rev", head: { ru: "Редакция", ja: "版" }, width: 0 },
] as const;
type ColumnKey = (typeof COLUMNS_OF_TABLE)[number]["key"];

const LEFT = COLUMNS.left.x;
const WIDTH = TEXT_RIGHT - LEFT;
/** Inner margin of a table cell: the 7 pt between cells' text lets text extraction tell the columns apart. */
const PAD = 3.5;
const LABEL_WIDTH = 132;

const style = (size: number, leading: number, more: Partial<ParagraphStyle> = {}): ParagraphStyle => ({
  weight: "regular", size, leading, align: "left", indent: 0, tracking: 0, gray: 0, ...more,
});
const S = {
  titleRu: style(13, 17, { weight: "bold", align: "center", tracking: 0.08 }),
  titleJa: style(12.5, 18, { weight: "bold", align: "center", tracking: 0.1 }),
  labelRu: style(8.5, 11),
  labelJa: style(8, 11, { gray: 0.35 }),
  valueRu: style(9, 12),
  valueJa: style(9, 13),
  code: style(8.5, 12, { tracking: 0.02 }),
  headingRu: style(10, 13, { weight: "bold" }),
  headingJa: style(9.5, 13, { weight: "bold", gray: 0.35 }),
  headRu: style(7.5, 9.5, { weight: "bold" }),
  headJa: style(7, 9.5, { weight: "bold", gray: 0.35 }),
  cellRu: style(7.5, 9.5),
  name: style(7.5, 9.5, { hyphenate: false }),
  cellJa: style(7.5, 10),
  cellSecond: style(7, 9.5, { gray: 0.35 }),
  note: style(7, 9.5, { gray: 0.35 }),
};

/** A piece of text set in a box: lines with baselines measured down from the box top. */
interface Cell {
  lines: { line: TypesetLine; x: number; y: number }[];
  height: number;
}

/** A band of the certificate: drawn at a given top, never split across pages. */
interface Band {
  height: number;
  draw(top: number, out: Placed[]): void;
}

/**
 * Lays the certificate out on pages of its own, across the whole text block (it is
 * not parallel text): a title, the facts of the revision as a two-column list, and
 * the events as a table whose header row repeats on every page it runs onto.
 */
export function certificatePages(cert: CompletionCertificate, content: CommuniqueContent, faces: Faces): Placed[][] {
  const set = (text: string, lang: Lang, s: ParagraphStyle, width: number, x = 0, y = 0): Cell => {
    const cell: Cell = { lines: [], height: 0 };
    stackInto(cell, text, lang, s, width, x, y);
    return cell;
  };
  const stackInto = (cell: Cell, text: string, lang: Lang, s: ParagraphStyle, width: number, x = 0, top = cell.height) => {
    if (!text) return;
    const ascent = ascentOf(faces[s.weight], s.size);
    let y = top;
    for (const line of typesetParagraph(text, lang, hyphenateIfOverwide(text, lang, s, width), faces, width)) {
      cell.lines.push({ line, x, y: y + ascent });
      y += s.leading;
    }
    cell.height = Math.max(cell.height, y);
  };
  // A name is kept whole, but a word of it wider than the cell would otherwise be cut
  // between any two letters with no hyphen drawn: such a name is hyphenated like the body.
  const hyphenateIfOverwide = (text: string, lang: Lang, s: ParagraphStyle, width: number): ParagraphStyle => {
    if (lang !== "ru" || s.hyphenate !== false) return s;
    const overwide = russianItems(text, s, faces[s.weight]).some((item) => item.type === "box" && item.width > width);
    return overwide ? { ...s, hyphenate: true } : s;
  };
  const codeInto = (cell: Cell, text: string, s: ParagraphStyle, width: number) => {
    for (const piece of breakCode(text, (t) => widthOf(faces, s, t), width)) stackInto(cell, piece, "ru", s, width + 1);
  };
  const emit = (cell: Cell, left: number, top: number, out: Placed[]) => {
    for (const l of cell.lines) {
      out.push({ type: "line", line: l.line, x: LEFT + left + l.x, y: top - l.y, rowId: "", blockId: CERTIFICATE_BLOCK_ID, column: "left", fullWidth: true });
    }
  };
  const rule = (out: Placed[], y: number, width: number, gray: number, x1 = 0, x2 = WIDTH) =>
    out.push({ type: "rule", x1: LEFT + x1, x2: LEFT + x2, y, width, gray, artifact: false });

  const bands: Band[] = [];
  // Title.
  const title = set(cert.title.ru.toLocaleUpperCase("ru"), "ru", S.titleRu, WIDTH);
  stackInto(title, cert.title.ja, "ja", S.titleJa, WIDTH, 0, title.height + 1);
  bands.push({ height: title.height + 10, draw: (top, out) => { emit(title, 0, top, out); rule(out, top - title.height - 5, 0.8, 0); } });

  // The facts, label on the left (Russian over Japanese), value on the right.
  const valueWidth = WIDTH - LABEL_WIDTH;
  const meetingLine = content.blocks.find((b) => b.kind === "meetingLine");
  const meeting = meetingLine && meetingLine.kind === "meetingLine" ? meetingLine.text : {
    ru: `${content.meeting.ordinal} Встреча, ${content.meeting.hostCity.ru}, ${content.meeting.startDate} — ${content.meeting.endDate}`,
    ja: `第${content.meeting.ordinal}回会議、${content.meeting.hostCity.ja}、${content.meeting.startDate}～${content.meeting.endDate}`,
  };
  const bilingual = (t: Bilingual): Cell => {
    const cell = set(t.ru, "ru", S.valueRu, valueWidth);
    stackInto(cell, t.ja, "ja", S.valueJa, valueWidth);
    return cell;
  };
  const code = (text: string): Cell => {
    const cell: Cell = { lines: [], height: 0 };
    codeInto(cell, text || "—", S.code, valueWidth);
    return cell;
  };
  const facts: [Bilingual, Cell][] = [
    [LABELS.document, bilingual(content.shortTitle)],
    [LABELS.meeting, bilingual(meeting)],
    [LABELS.signing, bilingual({
      ru: `${content.signing.place.ru}, ${content.signing.placeDate.ru}`, ja: `${content.signing.placeDate.ja}、${content.signing.place.ja}`,
    })],
    [LABELS.revision, bilingual({ ru: `№ ${cert.revision.number}`, ja: `第${cert.revision.number}版` })],
    [LABELS.hash, code(cert.revision.hash)],
    [LABELS.audit, code(cert.auditHead)],
    [LABELS.seal, bilingual(cert.sealNote)],
    [LABELS.generated, code(utc(cert.generatedAt).join(" "))],
  ];
  facts.forEach(([label, value], i) => {
    const head = set(label.ru, "ru", S.labelRu, LABEL_WIDTH - 10);
    stackInto(head, label.ja, "ja", S.labelJa, LABEL_WIDTH - 10);
    const height = Math.max(head.height, value.height) + 2 * PAD + 1;
    bands.push({
      height,
      draw: (top, out) => {
        emit(head, 0, top - PAD - 0.5, out);
        emit(value, LABEL_WIDTH, top - PAD - 0.5, out);
        rule(out, top - height, i === facts.length - 1 ? 0.8 : 0.3, i === facts.length - 1 ? 0 : 0.6);
      },
    });
  });

  // The events, as a table.
  const widths = tableWidths();
  const xs = widths.reduce<number[]>((acc, w, i) => [...acc, (acc[i] ?? 0) + w], [0]);
  const heading = (label: Bilingual): Band => {
    const cell = set(label.ru, "ru", S.headingRu, WIDTH);
    stackInto(cell, label.ja, "ja", S.headingJa, WIDTH);
    return { height: cell.height + 6, draw: (top, out) => emit(cell, 0, top - 2, out) };
  };
  const row = (cells: Cell[], head: boolean): Band => {
    const height = Math.max(...cells.map((c) => c.height)) + 2 * PAD + 1;
    return {
      height,
      draw: (top, out) => {
        // A light band behind the header: a rule as wide as the row is tall.
        if (head) rule(out, top - height / 2, height, 0.92);
        cells.forEach((cell, i) => emit(cell, xs[i]! + PAD, top - PAD - 0.5, out));
        rule(out, top - height, head ? 0.6 : 0.3, head ? 0 : 0.6);
      },
    };
  };
  const headCells = COLUMNS_OF_TABLE.map((column, i) => {
    const cell = set(column.head.ru, "ru", S.headRu, widths[i]! - 2 * PAD);
    stackInto(cell, column.head.ja, "ja", S.headJa, widths[i]! - 2 * PAD);
    return cell;
  });
  const headRow = row(headCells, true);
  const eventRows = cert.events.map((event, n) => {
    const cells = {} as Record<ColumnKey, Cell>;
    const w = (key: ColumnKey) => widths[COLUMNS_OF_TABLE.findIndex((c) => c.key === key)]! - 2 * PAD;
    cells.n = set(String(n + 1), "ru", S.cellRu, w("n"));
    const kind = event.kind === "approval" ? LABELS.approval : LABELS.signature;
    cells.kind = set(kind.ru, "ru", S.cellRu, w("kind"));
    stackInto(cells.kind, kind.ja, "ja", S.cellSecond, w("kind"));
    cells.who = set(event.who.ru, "ru", S.name, w("who"));
    stackInto(cells.who, event.who.ja, "ja", S.cellJa, w("who"));
    cells.role = set(event.role.ru, "ru", S.cellRu, w("role"));
    stackInto(cells.role, event.role.ja, "ja", S.cellSecond, w("role"));
    if (event.onBehalfOf) {
      stackInto(cells.role, `${LABELS.onBehalf.ru}: ${event.onBehalfOf.ru}`, "ru", S.name, w("role"), 0, cells.role.height + 2);
      stackInto(cells.role, `${LABELS.onBehalf.ja}：${event.onBehalfOf.ja}`, "ja", S.cellSecond, w("role"));
    }
    cells.at = { lines: [], height: 0 };
    for (const part of utc(event.at)) codeInto(cells.at, part, S.cellRu, w("at"));
    cells.ip = { lines: [], height: 0 };
    codeInto(cells.ip, event.ip || "—", S.cellRu, w("ip"));
    cells.method = set(event.method?.ru ?? "—", "ru", S.cellRu, w("method"));
    if (event.method) stackInto(cells.method, event.method.ja, "ja", S.cellSecond, w("method"));
    cells.rev = { lines: [], height: 0 };
    codeInto(cells.rev, (event.revisionHash ?? cert.revision.hash).slice(0, 8), S.cellRu, w("rev"));
    return row(COLUMNS_OF_TABLE.map((c) => cells[c.key]), false);
  });
  const noteCell = set(LABELS.note.ru, "ru", S.note, WIDTH);
  stackInto(noteCell, LABELS.note.ja, "ja", S.note, WIDTH);
  const note: Band = { height: noteCell.height + 6, draw: (top, out) => emit(noteCell, 0, top - 6, out) };

  // Pour the bands into pages; the table's header (with a "continued" heading) repeats.
  const pages: Placed[][] = [[]];
  let y = BODY_TOP;
  const put = (band: Band, gap = 0) => {
    band.draw(y - gap, pages[pages.length - 1]!);
    y -= gap + band.height;
  };
  for (const band of bands) put(band);
  const first = heading(LABELS.events);
  const continued = heading(LABELS.continued);
  const firstRow = eventRows[0]?.height ?? 0;
  // The heading and header row go with at least one event.
  if (y - 14 - first.height - headRow.height - firstRow < BODY_BOTTOM) { pages.push([]); y = BODY_TOP; put(first); }
  else put(first, 14);
  put(headRow);
  for (const r of eventRows) {
    if (y - r.height < BODY_BOTTOM) {
      pages.push([]);
      y = BODY_TOP;
      put(continued);
      put(headRow);
    }
    put(r);
  }
  if (y - 4 - note.height < BODY_BOTTOM) { pages.push([]); y = BODY_TOP; }
  put(note, 4);
  return pages;
}

/** Column widths: the last column takes what the others leave of the text block. */
function tableWidths(): number[] {
  const fixed = COLUMNS_OF_TABLE.reduce((s, c) => s + c.width, 0);
  return COLUMNS_OF_TABLE.map((c) => (c.width === 0 ? WIDTH - fixed : c.width));
}

function widthOf(faces: Faces, s: ParagraphStyle, text: string): number {
  const face = faces[s.weight];
  let units = 0;
  for (const ch of text) units += face.advance(ch.codePointAt(0)!);
  return (units * s.size) / face.unitsPerEm + s.tracking * s.size * [...text].length;
}

/**
 * Splits an unspaced string (a hash, an IPv6 address) into pieces that fit `width`,
 * preferring to break after a colon, full stop or hyphen.
 */
export function breakCode(text: string, measureText: (t: string) => number, width: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest && measureText(rest) > width) {
    let cut = 1;
    while (cut < rest.length && measureText(rest.slice(0, cut + 1)) <= width) cut++;
    const soft = Math.max(rest.lastIndexOf(":", cut - 1), rest.lastIndexOf(".", cut - 1), rest.lastIndexOf("-", cut - 1));
    if (soft >= cut / 2) cut = soft + 1;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/** An ISO date-time as UTC date and time ("2019-08-24", "03:00:12 UTC"); unparsable input as it is. */
function utc(iso: string): string[] {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return [iso];
  const text = date.toISOString();
  return [text.slice(0, 10), `${text.slice(11, 19)} UTC`];
}
