import { beforeAll, describe, expect, it } from "vitest";
import { seedCommuniqueContent } from "@/lib/communique/seed-content";
import { certificatePages, certificateTexts, type CompletionCertificate } from "./certificate";
import { loadFonts } from "./fonts";
import { hyphenationPoints } from "./hyphenate-ru";
import { NO_LINE_END, NO_LINE_START } from "./kinsoku";
import type { Placed } from "./layout-model";
import type { TypesetLine } from "./line";
import { sampleCertificate } from "./testing/certificate";

type Line = Extract<Placed, { type: "line" }>;

const CYRILLIC_RUN = /\p{Script=Cyrillic}+/gu;
const textOf = (line: TypesetLine) => line.runs.map((r) => r.text).join("");

/**
 * The certificate's paragraphs, each as its lines in order. A cell stacks its Russian
 * and Japanese texts, so consecutive lines at one x in one language are one paragraph.
 */
function paragraphs(pages: Placed[][]): Line[][] {
  const out: Line[][] = [];
  for (const page of pages) {
    let current: Line[] = [];
    for (const item of page) {
      if (item.type !== "line") continue;
      const last = current[current.length - 1];
      if (last && (last.x !== item.x || last.line.lang !== item.line.lang)) { out.push(current); current = []; }
      current.push(item);
    }
    if (current.length) out.push(current);
  }
  return out;
}

/** Line breaks of a paragraph: each line with the one after it. */
const breaks = (lines: Line[]) => lines.slice(1).map((next, i) => [lines[i]!, next] as const);

describe("the certificate's wrapped text", () => {
  let certificate: CompletionCertificate;
  let pages: Placed[][];
  let words: Set<string>;
  beforeAll(() => {
    certificate = sampleCertificate(6);
    const [first, second] = certificate.events;
    // Words longer than the narrow columns hold, in the columns set as names too.
    first!.who = { ru: "Высокопревосходительство Константинопольский", ja: "コンスタンチノポリスキー閣下" };
    first!.role = { ru: "Председатель Ассоциации городов Хабаровска и Петропавловск-Камчатского", ja: "ハバロフスク・ペトロパブロフスク＝カムチャツキー都市協会会長" };
    first!.method = { ru: "Ассоциации Хабаровска Петропавловск-Камчатского", ja: "ハバロフスク（ロシア）、ペトロパブロフスク・カムチャツキー" };
    second!.onBehalfOf = { ru: "Достопримечательностей Хабаровска Ассоциации", ja: "ハバロフスク協会（代理）" };
    const content = seedCommuniqueContent();
    const fonts = loadFonts();
    pages = certificatePages(certificate, content, { regular: fonts.regular.face, bold: fonts.bold.face });
    const sources = [...certificateTexts(certificate)].map((t) => t.text);
    // The facts quote the communiqué: its short title, meeting line and place of signing.
    sources.push(JSON.stringify([content.shortTitle, content.blocks.filter((b) => b.kind === "meetingLine"), content.signing]));
    words = new Set(sources.flatMap((s) => s.toLocaleLowerCase("ru").match(CYRILLIC_RUN) ?? []));
  });

  it("breaks a Russian word only at a hyphenation point, with a hyphen drawn", () => {
    let hyphenated = 0;
    for (const lines of paragraphs(pages).filter((p) => p[0]!.line.lang === "ru")) {
      // The paragraph read back: a hyphenated line runs on into the next, any other ends a word.
      let text = "";
      const cuts = new Set<number>();
      for (const { line } of lines) {
        text += textOf(line).toLocaleLowerCase("ru");
        if (line.hyphenAt === undefined) text += " ";
        else cuts.add(text.length);
      }
      for (const m of text.matchAll(CYRILLIC_RUN)) {
        const word = m[0];
        const from = m.index;
        const inside = [...cuts].filter((c) => c > from && c < from + word.length).map((c) => c - from);
        const context = `${word} in ${lines.map((l) => textOf(l.line)).join(" | ")}`;
        expect(words.has(word), context).toBe(true);
        expect(inside.filter((c) => !hyphenationPoints(word).includes(c)), context).toEqual([]);
        hyphenated += inside.length;
      }
    }
    expect(hyphenated).toBeGreaterThan(2);
  });

  it("breaks Japanese lines by the body's kinsoku rules", () => {
    for (const lines of paragraphs(pages).filter((p) => p[0]!.line.lang === "ja")) {
      for (const [line, next] of breaks(lines)) {
        const before = textOf(line.line);
        const after = textOf(next.line);
        expect(NO_LINE_END.has(before.at(-1)!), `${before} | ${after}`).toBe(false);
        expect(NO_LINE_START.has(after[0]!), `${before} | ${after}`).toBe(false);
      }
    }
  });
});
