import { pathToFileURL } from "node:url";
import type { Bilingual, CommuniqueContent } from "@/lib/communique/content";
import { blockParagraph } from "@/lib/pdf/block-text";
import { fontFilePath } from "@/lib/pdf/fonts";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const row = (ru: string, ja: string, cls = "") => `<tr class="${cls}"><td lang="ru">${ru}</td><td lang="ja">${ja}</td></tr>`;
const both = (t: Bilingual, cls = "") => row(esc(t.ru), esc(t.ja), cls);

/**
 * The same communiqué as a two-column HTML page for Chromium's page.pdf(): the same
 * font files, sizes, leading, measure and block alignment (one table row per block).
 */
export function communiqueHtml(content: CommuniqueContent): string {
  const font = (w: "regular" | "bold") => pathToFileURL(fontFilePath(w)).href;
  const rows: string[] = [];
  for (const block of content.blocks) {
    if (block.kind === "participants") {
      rows.push(both(block.intro));
      for (const g of block.groups) {
        rows.push(both(g.heading, "heading"));
        for (const r of g.rows) {
          const cell = (l: "ru" | "ja") => `<div class="p"><span>${esc(r.title[l])}</span><span>${esc(r.name[l])}</span></div>`;
          rows.push(row(cell("ru"), cell("ja")));
        }
      }
    } else {
      rows.push(row(esc(blockParagraph(block, "ru")), esc(blockParagraph(block, "ja")), block.kind));
    }
  }
  rows.push(row(`${esc(content.signing.place.ru)}, ${esc(content.signing.placeDate.ru)}`, `${esc(content.signing.placeDate.ja)} ${esc(content.signing.place.ja)}`));
  const ru = content.signatories.filter((s) => s.side === "RU");
  const jp = content.signatories.filter((s) => s.side === "JP");
  for (let i = 0; i < Math.max(ru.length, jp.length); i++) {
    const sig = (s: (typeof ru)[number] | undefined, l: "ru" | "ja") =>
      s ? `<div class="sig">${esc(s.title[l])}<div class="line"></div><b>${esc(s.name[l])}</b></div>` : "";
    rows.push(row(sig(ru[i], "ru"), sig(jp[i], "ja"), "sig"));
  }
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><style>
@font-face { font-family: "Noto Serif JP"; font-weight: 400; src: url("${font("regular")}") format("truetype"); }
@font-face { font-family: "Noto Serif JP"; font-weight: 700; src: url("${font("bold")}") format("truetype"); }
@page { size: A4; margin: 24mm 19mm 22mm 19mm; }
body { margin: 0; font-family: "Noto Serif JP"; }
table { width: 100%; table-layout: fixed; border-collapse: separate; border-spacing: 9mm 0; margin: 0 -9mm; }
td { vertical-align: top; padding: 0 0 7.5pt; text-align: justify; }
td[lang=ru] { width: 241.6pt; font-size: 10pt; line-height: 14pt; hyphens: auto; text-indent: 1.5em; }
td[lang=ja] { font-size: 10.5pt; line-height: 18pt; line-break: strict; text-indent: 1em; }
tr { break-inside: auto; } tr.sig { break-inside: avoid; }
.title td { text-align: center; font-weight: 700; font-size: 16pt; text-indent: 0; }
.meetingLine td, .heading td { font-weight: 700; text-indent: 0; }
.p { display: flex; justify-content: space-between; gap: 10pt; text-indent: 0; text-align: left; }
.sig { text-indent: 0; text-align: left; font-size: 9.5pt; } .line { border-bottom: 0.6pt solid #000; width: 52%; height: 40pt; }
</style></head><body><table>${rows.join("\n")}</table></body></html>`;
}
