import type { CommuniqueContent, Lang, TextBlock } from "@/lib/communique/content";

/** The paragraph printed for a text block, with its clause number when it has one. */
export function blockParagraph(block: TextBlock, lang: Lang): string {
  const text = block.text[lang];
  if (block.number === undefined) return text;
  return lang === "ru" ? `${block.number}. ${text}` : `${block.number}．${text}`;
}

/**
 * Every piece of text the PDF must carry, by the block id it is marked with, per
 * language, in reading order. The checker compares what it extracts with this.
 */
export function expectedTexts(content: CommuniqueContent): Map<string, Record<Lang, string>> {
  const out = new Map<string, Record<Lang, string>>();
  for (const block of content.blocks) {
    if (block.kind === "participants") {
      const parts = (lang: Lang) =>
        [block.intro[lang], ...block.groups.flatMap((g) => [g.heading[lang], ...g.rows.flatMap((r) => [r.title[lang], r.name[lang]])])].join(" ");
      out.set(block.id, { ru: parts("ru"), ja: parts("ja") });
    } else {
      out.set(block.id, { ru: blockParagraph(block, "ru"), ja: blockParagraph(block, "ja") });
    }
  }
  const { place, placeDate } = content.signing;
  out.set(SIGNING_BLOCK_ID, { ru: `${place.ru} ${placeDate.ru}`, ja: `${placeDate.ja} ${place.ja}` });
  for (const s of content.signatories) {
    out.set(s.id, { ru: `${s.title.ru} ${s.name.ru}`, ja: `${s.title.ja} ${s.name.ja}` });
  }
  return out;
}

export const SIGNING_BLOCK_ID = "signing";
