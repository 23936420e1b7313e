import type { Placed, Row, Slice } from "./layout-model";
import { BODY_BOTTOM, BODY_TOP, COLUMNS, type Column } from "./page-geometry";

/** Widow and orphan control: a split leaves at least this many lines at the foot and the head. */
export const MIN_LINES = 2;
const EPS = 1e-6;
const SIDES: Column[] = ["left", "right"];

export interface Frame {
  top: number;
  bottom: number;
}

/**
 * Pours aligned rows into pages. A row that does not fit is split between lines in
 * both columns at once; if either column cannot give two lines to each page, or a
 * keep-with-next chain would be torn, the row moves to the next page whole.
 */
export function paginate(rows: Iterable<Row>, frame: Frame = { top: BODY_TOP, bottom: BODY_BOTTOM }): Placed[][] {
  return [...pourRows(rows, frame)];
}

/**
 * The pages of `paginate` one at a time, each yielded as soon as it is full. Rows are
 * taken from `rows` only as far as the page being filled (and the keep-with-next
 * chain after it) needs.
 */
export function* pourRows(rows: Iterable<Row>, frame: Frame = { top: BODY_TOP, bottom: BODY_BOTTOM }): Generator<Placed[]> {
  const queue = new RowQueue(rows);
  let page: Placed[] = [];
  let pages = 0;
  let y = frame.top;
  let atTop = true;
  for (let i = 0; queue.has(i); ) {
    const row = queue.at(i);
    const gap = atTop ? 0 : row.spaceBefore;
    const avail = y - gap - frame.bottom;
    if (atTop || needed(queue, i) <= avail + EPS) {
      if (rowHeight(row) <= avail + EPS || (atTop && !row.splittable)) {
        place(page, row, y - gap);
        y -= gap + rowHeight(row);
        atTop = false;
        queue.done(++i);
        continue;
      }
      const split = row.splittable ? splitRow(row, avail) : null;
      if (split) {
        place(page, split.head, y - gap);
        queue.replace(i, split.tail);
      } else if (atTop) {
        // Taller than a page and unsplittable at its first lines: let it overflow rather than loop.
        place(page, row, y - gap);
        queue.done(++i);
      }
    }
    yield page;
    pages++;
    page = [];
    y = frame.top;
    atTop = true;
  }
  // The last page, unless it would be an empty one after others.
  if (pages === 0 || page.length > 0) yield page;
}

/** Rows pulled from an iterator on demand, addressed by their index in the whole sequence. */
class RowQueue {
  private readonly iterator: Iterator<Row>;
  private buffer: Row[] = [];
  /** Index (in the whole sequence) of buffer[0]. */
  private offset = 0;
  private ended = false;

  constructor(rows: Iterable<Row>) {
    this.iterator = rows[Symbol.iterator]();
  }

  has(i: number): boolean {
    while (!this.ended && i - this.offset >= this.buffer.length) {
      const next = this.iterator.next();
      if (next.done) this.ended = true;
      else this.buffer.push(next.value);
    }
    return i - this.offset < this.buffer.length;
  }

  at(i: number): Row {
    if (!this.has(i)) throw new Error(`No row ${i}`);
    return this.buffer[i - this.offset]!;
  }

  replace(i: number, row: Row): void {
    this.buffer[i - this.offset] = row;
  }

  /** Rows before `i` are placed and will not be asked for again: let them go. */
  done(i: number): void {
    while (this.offset < i && this.buffer.length) {
      this.buffer.shift();
      this.offset++;
    }
  }
}

export function sideHeight(slices: Slice[], count = slices.length): number {
  let h = 0;
  for (let i = 0; i < count && i < slices.length; i++) h += slices[i]!.height;
  return h;
}

export function rowHeight(row: Row): number {
  return Math.max(sideHeight(row.sides.left), sideHeight(row.sides.right));
}

/** Height a row needs below the cursor to start here: its first lines, or all of it and what it keeps with. */
function needed(rows: RowQueue, i: number, depth = 0): number {
  const row = rows.at(i);
  const next = rows.has(i + 1) ? rows.at(i + 1) : undefined;
  if (row.keepWithNext && next && depth < 8) return rowHeight(row) + next.spaceBefore + needed(rows, i + 1, depth + 1);
  if (!row.splittable) return rowHeight(row);
  return Math.max(...SIDES.map((c) => {
    const n = row.sides[c].length;
    return sideHeight(row.sides[c], n < 2 * MIN_LINES ? n : MIN_LINES);
  }));
}

export function splitRow(row: Row, avail: number): { head: Row; tail: Row } | null {
  const counts = {} as Record<Column, number>;
  for (const c of SIDES) {
    const slices = row.sides[c];
    let k = 0;
    let h = 0;
    while (k < slices.length && h + slices[k]!.height <= avail + EPS) h += slices[k++]!.height;
    if (k < slices.length && slices.length - k < MIN_LINES) k = slices.length - MIN_LINES;
    if (k < slices.length && k < MIN_LINES) k = 0;
    if (slices.length > 0 && k === 0) return null;
    counts[c] = k;
  }
  const part = (from: (c: Column) => number, to: (c: Column) => number): Record<Column, Slice[]> => ({
    left: row.sides.left.slice(from("left"), to("left")),
    right: row.sides.right.slice(from("right"), to("right")),
  });
  return {
    head: { ...row, keepWithNext: false, sides: part(() => 0, (c) => counts[c]) },
    tail: { ...row, spaceBefore: 0, sides: part((c) => counts[c], (c) => row.sides[c].length) },
  };
}

function place(page: Placed[], row: Row, top: number): void {
  for (const column of SIDES) {
    const x0 = COLUMNS[column].x;
    let sliceTop = top;
    for (const slice of row.sides[column]) {
      for (const item of slice.items) {
        if (item.type === "line") {
          page.push({ type: "line", line: item.line, x: x0 + item.x, y: sliceTop - item.y, rowId: row.id,
            blockId: item.blockId ?? row.blockId, column });
        } else if (item.type === "rule") {
          page.push({ type: "rule", x1: x0 + item.x1, x2: x0 + item.x2, y: sliceTop - item.y, width: item.width, gray: 0, artifact: false });
        } else {
          page.push({ type: "image", signatoryId: item.signatoryId, x: x0 + item.x, y: sliceTop - item.y - item.height,
            width: item.width, height: item.height, rowId: row.id, blockId: row.blockId });
        }
      }
      sliceTop -= slice.height;
    }
  }
}
