import { diffChars, diffWords } from "diff";
import type { Bilingual, Block, CommuniqueContent, Lang } from "@/lib/communique/content";

export interface Piece {
  text: string;
  op: "same" | "added" | "removed";
}

export interface BlockDiff {
  id: string;
  kind: Block["kind"] | "signing";
  status: "same" | "changed" | "added" | "removed";
  ru: Piece[];
  ja: Piece[];
}

/** Plain text of a block per language, participants flattened to lines. */
function blockText(block: Block): Bilingual {
  if (block.kind !== "participants") {
    const prefix = block.number ? `${block.number}. ` : "";
    return { ru: prefix + block.text.ru, ja: prefix + block.text.ja };
  }
  const lines = (lang: Lang) =>
    [block.intro[lang], ...block.groups.flatMap((g) => [g.heading[lang], ...g.rows.map((r) => `${r.title[lang]} — ${r.name[lang]}`)])].join("\n");
  return { ru: lines("ru"), ja: lines("ja") };
}

// The diff package's own word pattern knows only Latin letters: Cyrillic words would be
// compared letter by letter. Intl's word segmentation knows Russian.
const russianWords = new Intl.Segmenter("ru", { granularity: "word" });

function pieces(lang: Lang, before: string, after: string): Piece[] {
  // Most blocks are unchanged between revisions: the diff would only say so, at a cost that
  // dominated the review page (what `diff` returns for equal texts, without running it).
  if (before === after) return before ? [{ text: before, op: "same" }] : [];
  // Russian compares word by word; Japanese has no spaces between words, so character by character.
  return (lang === "ru" ? diffWords(before, after, { intlSegmenter: russianWords }) : diffChars(before, after)).map((c) => ({
    text: c.value,
    op: c.added ? "added" : c.removed ? "removed" : "same",
  }));
}

/** Block-by-block comparison of two contents (matched by block id); removed blocks stay where they were. */
export function compareContents(older: CommuniqueContent, newer: CommuniqueContent): BlockDiff[] {
  const newerIds = new Set(newer.blocks.map((b) => b.id));
  const olderIndex = new Map(older.blocks.map((b, i) => [b.id, i]));
  const out: BlockDiff[] = [];
  let next = 0; // the first older block not yet placed
  const flushRemoved = (upTo: number) => {
    for (; next < upTo; next++) {
      const block = older.blocks[next]!;
      if (newerIds.has(block.id)) continue;
      const a = blockText(block);
      out.push({ id: block.id, kind: block.kind, status: "removed", ru: pieces("ru", a.ru, ""), ja: pieces("ja", a.ja, "") });
    }
  };
  for (const block of newer.blocks) {
    const k = olderIndex.get(block.id);
    if (k !== undefined && k >= next) flushRemoved(k + 1);
    const old = k === undefined ? undefined : older.blocks[k];
    const a = old ? blockText(old) : { ru: "", ja: "" };
    const b = blockText(block);
    const status = !old ? "added" : a.ru === b.ru && a.ja === b.ja ? "same" : "changed";
    out.push({ id: block.id, kind: block.kind, status, ru: pieces("ru", a.ru, b.ru), ja: pieces("ja", a.ja, b.ja) });
  }
  flushRemoved(older.blocks.length);
  const signingBefore = older.signing.placeDate;
  const signingAfter = newer.signing.placeDate;
  const signingSame = signingBefore.ru === signingAfter.ru && signingBefore.ja === signingAfter.ja;
  out.push({
    id: "signing",
    kind: "signing",
    status: signingSame ? "same" : "changed",
    ru: pieces("ru", signingBefore.ru, signingAfter.ru),
    ja: pieces("ja", signingBefore.ja, signingAfter.ja),
  });
  return out;
}
