import { describe, expect, it } from "vitest";
import type { Placed, Row, Slice } from "./layout-model";
import { COLUMNS } from "./page-geometry";
import { MIN_LINES, paginate } from "./paginate";
import { fakeFaces } from "./testing/fake-font";
import { paragraphSlices } from "./paragraph-slices";
import { STYLES } from "./style";

const FRAME = { top: 200, bottom: 0 };

/** `n` lines of a fake paragraph, `leading` apart. */
function lines(n: number, leading: number): Slice[] {
  return Array.from({ length: n }, (_, i) => ({
    height: leading,
    items: [{ type: "line" as const, x: 0, y: 8, line: {
      lang: "ru" as const, weight: "regular" as const, size: 10, gray: 0, runs: [{ text: `line ${i}`, x: 0 }],
      letterSpacing: 0, width: 30, justified: false } }],
  }));
}

function row(id: string, left: number, right: number, extra: Partial<Row> = {}): Row {
  return { id, blockId: id, sides: { left: lines(left, 10), right: lines(right, 20) }, spaceBefore: 5, keepWithNext: false, splittable: true, ...extra };
}

const linesOf = (page: Placed[], id: string, column: "left" | "right") =>
  page.filter((p): p is Extract<Placed, { type: "line" }> => p.type === "line" && p.rowId === id && p.column === column);

describe("paginate", () => {
  it("starts both columns of every row at the same height, below the longer one of the row before", () => {
    const pages = paginate([row("a", 3, 1), row("b", 1, 4), row("c", 2, 2)], FRAME);
    expect(pages).toHaveLength(1);
    const top = (id: string, c: "left" | "right") => Math.max(...linesOf(pages[0]!, id, c).map((l) => l.y));
    for (const id of ["a", "b", "c"]) expect(top(id, "left")).toBe(top(id, "right"));
    expect(top("b", "left")).toBe(200 - 8 - Math.max(3 * 10, 1 * 20) - 5);
    expect(top("c", "left")).toBe(top("b", "left") - Math.max(10, 80) - 5);
    expect(linesOf(pages[0]!, "a", "left")[0]!.x).toBe(COLUMNS.left.x);
    expect(linesOf(pages[0]!, "a", "right")[0]!.x).toBe(COLUMNS.right.x);
  });

  it("splits a long row in both columns, leaving at least two lines at the foot and at the head", () => {
    // After row a (150 pt) and a 5 pt gap, 45 pt are left: 4 Russian lines or 2 Japanese lines.
    const pages = paginate([row("a", 15, 1, { spaceBefore: 0 }), row("b", 5, 5)], FRAME);
    expect(pages).toHaveLength(2);
    const [first, second] = pages as [Placed[], Placed[]];
    // 4 Russian lines would fit but would leave a widow, so 3 stay and 2 go over.
    expect(linesOf(first, "b", "left")).toHaveLength(3);
    expect(linesOf(second, "b", "left")).toHaveLength(2);
    expect(linesOf(first, "b", "right")).toHaveLength(2);
    expect(linesOf(second, "b", "right")).toHaveLength(3);
    // Both continuations start at the top of the next page, side by side.
    const top = (c: "left" | "right") => Math.max(...linesOf(second, "b", c).map((l) => l.y));
    expect(top("left")).toBe(200 - 8);
    expect(top("right")).toBe(200 - 8);
  });

  it("moves a row whole when a column cannot give two lines to this page", () => {
    const pages = paginate([row("a", 17, 1, { spaceBefore: 0 }), row("b", 6, 6)], FRAME);
    // 30 pt left: 3 Russian lines would fit but only 1 Japanese line (20 pt), so b moves.
    expect(linesOf(pages[0]!, "b", "left")).toHaveLength(0);
    expect(linesOf(pages[1]!, "b", "left")).toHaveLength(6);
    expect(Math.max(...linesOf(pages[1]!, "b", "left").map((l) => l.y))).toBe(200 - 8);
  });

  it("keeps a heading with the first lines of what follows", () => {
    const pages = paginate([
      row("a", 16, 1, { spaceBefore: 0 }),
      row("heading", 1, 1, { keepWithNext: true, splittable: false, spaceBefore: 0 }),
      row("b", 4, 2, { spaceBefore: 0 }),
    ], FRAME);
    // 40 pt left: the heading (20) fits, but not with two lines of each column of b after it.
    expect(linesOf(pages[0]!, "heading", "left")).toHaveLength(0);
    expect(linesOf(pages[1]!, "heading", "left")).toHaveLength(1);
  });

  it("never splits an unsplittable row", () => {
    const pages = paginate([row("a", 15, 1, { spaceBefore: 0 }), row("sig", 8, 8, { splittable: false })], FRAME);
    expect(linesOf(pages[0]!, "sig", "left")).toHaveLength(0);
    expect(linesOf(pages[1]!, "sig", "left")).toHaveLength(8);
  });

  it("places real typeset paragraphs with their first baselines one ascent below the row top", () => {
    const faces = fakeFaces();
    const ru = paragraphSlices("Стороны высоко оценили результаты", "ru", STYLES.body("ru"), faces, 200);
    const ja = paragraphSlices("双方は成果を高く評価した。", "ja", STYLES.body("ja"), faces, 200);
    const [page] = paginate([{ id: "x", blockId: "x", sides: { left: ru, right: ja }, spaceBefore: 0, keepWithNext: false, splittable: true }], FRAME);
    const ruTop = Math.max(...linesOf(page!, "x", "left").map((l) => l.y + l.line.size));
    const jaTop = Math.max(...linesOf(page!, "x", "right").map((l) => l.y + l.line.size));
    expect(ruTop).toBeCloseTo(200, 9);
    expect(jaTop).toBeCloseTo(200, 9);
  });
});
