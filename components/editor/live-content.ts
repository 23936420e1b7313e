import { MAX_CLAUSE_CHARS } from "@/lib/clauses/limits";
import type { Bilingual, Block, CommuniqueContent, TextBlock } from "@/lib/communique/content";
import type { ClauseView, PartView } from "./use-draft-state";

const PART_IDS: Record<string, string> = {
  title: "title",
  meetingLine: "meeting-line",
  preamble: "preamble",
  topics: "topics",
  closing: "closing",
  formula: "formula",
};

/**
 * A text longer than the server takes is refused and stays in its field to be shortened; the
 * preview shows what fits, with an ellipsis, rather than setting pages of refused text.
 */
const clip = (text: Bilingual): Bilingual => ({
  ru: text.ru.length > MAX_CLAUSE_CHARS ? `${text.ru.slice(0, MAX_CLAUSE_CHARS)} …` : text.ru,
  ja: text.ja.length > MAX_CLAUSE_CHARS ? `${text.ja.slice(0, MAX_CLAUSE_CHARS)} …` : text.ja,
});

/** The server's content with the editor's current texts and clause order applied. */
export function liveContent(base: CommuniqueContent, parts: PartView[], clauses: ClauseView[], numberClauses: boolean): CommuniqueContent {
  const partText = new Map(parts.map((p) => [PART_IDS[p.kind], p.text]));
  const clauseBlocks = (): TextBlock[] =>
    clauses.map((c, i) => ({ id: `clause-${c.id}`, kind: "clause", text: clip({ ru: c.textRu, ja: c.textJa }), ...(numberClauses ? { number: i + 1 } : {}) }));
  const blocks = base.blocks.flatMap((block, index): Block[] => {
    if (block.kind === "clause") {
      const firstClause = base.blocks.findIndex((b) => b.kind === "clause");
      if (index !== firstClause) return [];
      return clauseBlocks();
    }
    if (block.kind === "participants") return [block];
    const text = partText.get(block.id);
    const withText = text ? { ...block, text: clip(text) } : block;
    // With no clause yet, clauses go right after the topics paragraph.
    if (block.kind === "topics" && !base.blocks.some((b) => b.kind === "clause")) {
      return [withText, ...clauseBlocks()];
    }
    return [withText];
  });
  return { ...base, blocks };
}
