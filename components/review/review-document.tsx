import { BlockText, DiffPieces } from "@/components/document/block-text";
import type { CommuniqueContent } from "@/lib/communique/content";
import type { BlockDiff } from "@/lib/revisions/compare-contents";
import { CommentThread, type ThreadComment } from "./comment-thread";

type Props = {
  communiqueId: string;
  revisionId: string;
  content: CommuniqueContent;
  emphasis: "ru" | "ja";
  diff: BlockDiff[] | null;
  comments: (ThreadComment & { blockId: string; lang: string })[];
  canComment: boolean;
};

/** The revision under review, block by block, both languages side by side, changes marked. */
export function ReviewDocument({ communiqueId, revisionId, content, emphasis, diff, comments, canComment }: Props) {
  const changes = new Map(diff?.map((d) => [d.id, d]) ?? []);
  const removed = diff?.filter((d) => d.status === "removed") ?? [];
  return (
    <article className="parallel review" data-emphasis={emphasis}>
      {content.blocks.map((block) => {
        const change = changes.get(block.id);
        const changed = change && change.status !== "same";
        return (
          <div key={block.id} className={`parallel__row review__row${changed ? " review__row--changed" : ""}`} data-block={block.id} data-changed={changed ? change.status : undefined}>
            {(["ru", "ja"] as const).map((lang) => (
              <div key={lang} lang={lang} className="parallel__cell">
                {changed && block.kind !== "participants" ? <DiffPieces pieces={change[lang]} /> : <BlockText block={block} lang={lang} />}
                <CommentThread
                  communiqueId={communiqueId}
                  revisionId={revisionId}
                  blockId={block.id}
                  lang={lang}
                  canComment={canComment}
                  comments={comments.filter((c) => c.blockId === block.id && c.lang === lang)}
                />
              </div>
            ))}
          </div>
        );
      })}
      {removed.map((d) => (
        <div key={d.id} className="parallel__row review__row review__row--changed" data-block={d.id} data-changed="removed">
          <div lang="ru" className="parallel__cell">
            <DiffPieces pieces={d.ru} />
          </div>
          <div lang="ja" className="parallel__cell">
            <DiffPieces pieces={d.ja} />
          </div>
        </div>
      ))}
    </article>
  );
}
