import { getLocale, getTranslations } from "next-intl/server";
import type { CommuniqueContent } from "@/lib/communique/content";
import { blockName } from "@/lib/communique/part-labels";
import type { BlockDiff } from "@/lib/revisions/compare-contents";
import { ReviewArticle } from "./review-article";
import { cachedReviewMarkup, reviewMarkupKey, type MarkupComment } from "./review-markup";

type Props = {
  communiqueId: string;
  revisionId: string;
  content: CommuniqueContent;
  emphasis: "ru" | "ja";
  /** The changes since the revision the reader saw last (its number), or null. */
  diff: { since: number; blocks: BlockDiff[] } | null;
  comments: MarkupComment[];
  canComment: boolean;
};


/** "Пункт 3", "Преамбула": how the reader calls each block. */
function blockNames(content: CommuniqueContent, t: (key: string, values?: { n: number }) => string): Record<string, string> {
  let n = 0;
  return Object.fromEntries(content.blocks.map((b) => [b.id, blockName(t, b.kind === "clause" ? { kind: "clause", n: ++n } : { kind: "part", part: b.kind })]));
}

/** The revision under review, block by block, both languages side by side, changes marked. */
export async function ReviewDocument({ communiqueId, revisionId, content, emphasis, diff, comments, canComment }: Props) {
  const [t, tcm, ted, locale] = await Promise.all([getTranslations("review"), getTranslations("comments"), getTranslations("editor"), getLocale()]);
  const key = reviewMarkupKey({ revisionId, sinceRevision: diff?.since ?? null, comments, canComment, locale });
  const html = cachedReviewMarkup(key, () => ({
    content,
    diff: diff?.blocks ?? null,
    comments,
    canComment,
    labels: { comment: t("comment"), reply: t("reply"), resolved: tcm("resolved"), blocks: blockNames(content, ted) },
  }));
  return <ReviewArticle communiqueId={communiqueId} revisionId={revisionId} emphasis={emphasis} html={html} />;
}
