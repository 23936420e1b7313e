import type { CommuniqueContent } from "@/lib/communique/content";
import { expectedTexts } from "../block-text";
import { SOURCE_ATTACHMENT } from "../render";
import { checkBlockTops, checkGlyphs, checkKinsoku, checkOverfull, checkText, checkWordSpaces, type Finding } from "./checks";
import { drawnGlyphs } from "./interpret";
import { groupLines } from "./lines";
import { readPdf } from "./read-pdf";

export type { Finding, CheckName } from "./checks";

export interface CheckReport {
  findings: Finding[];
  pages: number;
  lines: number;
  /** Where the input text came from: given explicitly, the PDF's own attachment, or nowhere. */
  textSource: "given" | "attachment" | "none";
}

/**
 * Inspects a communiqué PDF: re-parses its content streams and fonts, rebuilds each
 * glyph's position and text, and checks kinsoku, overfull lines, Russian word
 * spaces, row alignment, missing glyphs and — against the input, given or attached
 * — the extracted text per language.
 */
export async function checkPdf(bytes: Uint8Array, input?: CommuniqueContent): Promise<CheckReport> {
  const pdf = await readPdf(bytes);
  const counter = { next: 0 };
  const glyphs = pdf.pages.flatMap((page) => drawnGlyphs(page, counter));
  const widths = new Map(pdf.pages.map((p) => [p.number, p.width]));
  const lines = groupLines(glyphs, (n) => widths.get(n) ?? 0);
  const attached = pdf.attachments.get(SOURCE_ATTACHMENT);
  const content = input ?? (attached ? (JSON.parse(new TextDecoder().decode(attached)) as CommuniqueContent) : undefined);
  const findings: Finding[] = [
    ...checkKinsoku(lines),
    ...checkOverfull(lines),
    ...checkWordSpaces(lines),
    ...checkBlockTops(lines),
    ...checkGlyphs(glyphs),
    ...(content ? checkText(glyphs, expectedTexts(content)) : []),
  ];
  if (!pdf.catalogLang) findings.push({ check: "structure", message: "the catalog has no /Lang" });
  if (!glyphs.some((g) => g.lang === "ja" && !g.artifact)) findings.push({ check: "structure", message: "no text is marked /Lang (ja)" });
  return { findings, pages: pdf.pages.length, lines: lines.length, textSource: input ? "given" : attached ? "attachment" : "none" };
}
