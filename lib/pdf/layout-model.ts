import type { Lang } from "@/lib/communique/content";
import type { Column } from "./page-geometry";
import type { TypesetLine } from "./line";

/** Something drawn inside a slice; x from the column's left edge, y downward from the slice top. */
export type SliceItem =
  | { type: "line"; line: TypesetLine; x: number; y: number; blockId?: string }
  | { type: "rule"; x1: number; x2: number; y: number; width: number }
  | { type: "image"; signatoryId: string; x: number; y: number; width: number; height: number };

/** The unit a page may break between: a line of a paragraph, a table row, a signature block. */
export interface Slice {
  height: number;
  items: SliceItem[];
}

/**
 * One aligned row of the parallel text: both columns start at the same height and
 * the next row starts below the longer one (the reledpar/paracol idea).
 */
export interface Row {
  /** Unique per row; the checker aligns the two columns' tops per row id. */
  id: string;
  /** The content block the text belongs to (several rows may share one). */
  blockId: string;
  sides: Record<Column, Slice[]>;
  spaceBefore: number;
  keepWithNext: boolean;
  splittable: boolean;
}

/** A page item in absolute PDF coordinates. */
export type Placed =
  | {
      type: "line"; line: TypesetLine; x: number; y: number; rowId: string; blockId: string; column: Column; angle?: number;
      /** Set across the whole text block rather than in a column of the parallel text (so in no row). */
      fullWidth?: boolean;
    }
  | { type: "rule"; x1: number; x2: number; y: number; width: number; gray: number; artifact: boolean }
  | { type: "image"; signatoryId: string; x: number; y: number; width: number; height: number; rowId: string; blockId: string };

/** Furniture is drawn as pagination artifacts: outside the text a reader extracts. */
export interface FurnitureLine {
  line: TypesetLine;
  x: number;
  y: number;
  angle?: number;
  kind: "Header" | "Footer" | "Watermark";
}

export interface PageLayout {
  number: number;
  body: Placed[];
  furniture: FurnitureLine[];
  rules: Placed[];
}

export function sideLang(column: Column): Lang {
  return column === "left" ? "ru" : "ja";
}
