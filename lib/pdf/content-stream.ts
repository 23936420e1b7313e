import type { Weight } from "./fonts";
import type { TypesetLine } from "./line";
import type { FurnitureLine, PageLayout, Placed } from "./layout-model";
import { glyphCount, measure } from "./measure";
import type { Faces } from "./typeset-paragraph";

/** What the content writer needs from the document: glyph encoding and resource names. */
export interface ContentResources {
  faces: Faces;
  /** Hex string (with angle brackets) of the glyph ids for `text`, registering them in the subset. */
  encode(weight: Weight, text: string): string;
  fontKey(weight: Weight): string;
  imageKey(signatoryId: string): string;
  /** Graphics state that multiplies colours, so a watermark drawn last still lies under the ink. */
  multiplyKey(): string;
}

type Line = Extract<Placed, { type: "line" }>;

/**
 * Writes one page's content stream. Text is grouped in marked-content spans that
 * carry the language and the block and row it belongs to, which is what lets a
 * reader (and our checker) take the columns apart again. Glyph positions come from
 * the layout: word and letter spacing are TJ adjustments and Tc, never Tw, which
 * Identity-H fonts ignore. A line-end hyphen is wrapped in an empty ActualText so
 * extracted words come out whole.
 */
export function pageContent(page: PageLayout, res: ContentResources): string {
  const out: string[] = [];
  // Text state (Tf, Tc) and the fill colour outlive BT/ET, so they are tracked per page.
  const state = { font: "", tc: 0, gray: 0 };
  const marked = (props: string, body: () => void) => { out.push(`${props} BDC`); body(); out.push("EMC"); };
  const furniture = (kinds: FurnitureLine["kind"][]) => {
    for (const f of page.furniture.filter((item) => kinds.includes(item.kind))) {
      marked(`/Artifact <</Type /Pagination /Subtype /${f.kind}>>`, () => text([{ line: f.line, x: f.x, y: f.y, angle: f.angle }]));
    }
  };
  const text = (lines: { line: TypesetLine; x: number; y: number; angle?: number }[]) => {
    out.push("BT");
    for (const l of lines) writeLine(out, l, state, res);
    out.push("ET");
  };

  furniture(["Header"]);
  for (const rule of page.rules) if (rule.type === "rule") drawRule(out, rule, true);
  const body = page.body;
  for (let i = 0; i < body.length; ) {
    const item = body[i]!;
    if (item.type !== "line") {
      if (item.type === "rule") drawRule(out, item, false);
      else out.push(`q ${n(item.width)} 0 0 ${n(item.height)} ${n(item.x)} ${n(item.y)} cm /${res.imageKey(item.signatoryId)} Do Q`);
      i++;
      continue;
    }
    const group: Line[] = [];
    while (i < body.length && sameSpan(body[i]!, item)) group.push(body[i++] as Line);
    const props = `<</Lang (${item.line.lang}) /Block ${pdfString(item.blockId)} /Row ${pdfString(item.rowId)}>>`;
    marked(`/Span ${props}`, () => text(group));
  }
  furniture(["Footer"]);
  // Drawn last so text extraction meets it after the page's text, multiplied so it never hides a stroke.
  if (page.furniture.some((f) => f.kind === "Watermark")) {
    out.push(`q /${res.multiplyKey()} gs`);
    furniture(["Watermark"]);
    out.push("Q");
    state.font = "";
    state.gray = -1;
  }
  return out.join("\n");
}

function sameSpan(a: Placed, b: Line): boolean {
  return a.type === "line" && a.blockId === b.blockId && a.rowId === b.rowId && a.column === b.column && a.line.lang === b.line.lang;
}

function writeLine(
  out: string[], l: { line: TypesetLine; x: number; y: number; angle?: number },
  state: { font: string; tc: number; gray: number }, res: ContentResources,
): void {
  const { line } = l;
  const first = line.runs[0];
  if (!first) return;
  const font = `/${res.fontKey(line.weight)} ${n(line.size)} Tf`;
  if (font !== state.font) out.push((state.font = font));
  if (line.gray !== state.gray) out.push(`${n((state.gray = line.gray))} g`);
  const cos = l.angle ? Math.cos(l.angle) : 1;
  const sin = l.angle ? Math.sin(l.angle) : 0;
  out.push(`${n(cos)} ${n(sin)} ${n(-sin)} ${n(cos)} ${n(l.x + first.x * cos)} ${n(l.y + first.x * sin)} Tm`);
  const face = res.faces[line.weight];
  let pen = l.x + first.x;
  let array = "";
  for (const run of line.runs) {
    const tc = run.letterSpacing ?? line.letterSpacing;
    if (Math.abs(tc - state.tc) > 1e-9) {
      if (array) out.push(`[${array}] TJ`);
      array = "";
      out.push(`${n((state.tc = tc))} Tc`);
    }
    array += adjustment(pen, l.x + run.x, line.size) + res.encode(line.weight, run.text);
    pen = l.x + run.x + measure(face, line.size, run.text) + tc * glyphCount(run.text);
  }
  if (array) out.push(`[${array}] TJ`);
  if (line.hyphenAt !== undefined) {
    out.push("/Span <</ActualText ()>> BDC");
    out.push(`[${adjustment(pen, l.x + line.hyphenAt, line.size)}${res.encode(line.weight, "-")}] TJ`);
    out.push("EMC");
  }
}

/** TJ displacement (thousandths of an em, positive moves left) taking the pen from `pen` to `x`. */
function adjustment(pen: number, x: number, size: number): string {
  const value = ((pen - x) * 1000) / size;
  return Math.abs(value) > 0.0005 ? `${n(value)} ` : "";
}

function drawRule(out: string[], rule: Extract<Placed, { type: "rule" }>, artifact: boolean): void {
  const draw = `q ${n(rule.width)} w ${n(rule.gray)} G ${n(rule.x1)} ${n(rule.y)} m ${n(rule.x2)} ${n(rule.y)} l S Q`;
  out.push(artifact ? `/Artifact <</Type /Layout>> BDC ${draw} EMC` : draw);
}

/** Compact number: three decimals at most, no trailing zeros. */
export function n(value: number): string {
  const r = Math.round(value * 1000) / 1000;
  return Object.is(r, -0) ? "0" : String(r);
}

/** A PDF text string: literal when plain ASCII, UTF-16BE hex otherwise. */
export function pdfString(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return `(${value.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  let hex = "FEFF";
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).padStart(4, "0").toUpperCase();
  return `<${hex}>`;
}
