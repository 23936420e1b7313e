import type { CommuniqueContent } from "@/lib/communique/content";
import { BlockText } from "./block-text";

/**
 * The communiqué as two parallel columns, block by block, in the PDF's order: Russian left,
 * Japanese right, each block starting on the same row in both.
 */
export function ParallelPreview({ content, emphasis }: { content: CommuniqueContent; emphasis?: "ru" | "ja" }) {
  return (
    <article className="parallel" data-emphasis={emphasis}>
      {content.blocks.map((block) => (
        <div className={`parallel__row parallel__row--${block.kind}`} key={block.id} data-block={block.id}>
          <div lang="ru" className="parallel__cell">
            <BlockText block={block} lang="ru" />
          </div>
          <div lang="ja" className="parallel__cell">
            <BlockText block={block} lang="ja" />
          </div>
        </div>
      ))}
      <div className="parallel__row parallel__row--signing">
        <div lang="ru" className="parallel__cell">
          <p>{content.signing.placeDate.ru}</p>
        </div>
        <div lang="ja" className="parallel__cell">
          <p>{content.signing.placeDate.ja}</p>
        </div>
      </div>
      {pairs(content).map(([left, right], i) => (
        <div className="parallel__row parallel__row--signatory" key={i}>
          {[left, right].map((s, j) => (
            <div className="parallel__cell" key={j}>
              {s && (
                <>
                  <p lang="ru">{s.title.ru}</p>
                  <p lang="ja" className="parallel__secondary">
                    {s.title.ja}
                  </p>
                  <p className="parallel__signature-line" />
                  <p lang="ru">
                    <strong>{s.name.ru}</strong>
                  </p>
                  <p lang="ja" className="parallel__secondary">
                    {s.name.ja}
                  </p>
                </>
              )}
            </div>
          ))}
        </div>
      ))}
    </article>
  );
}

function pairs(content: CommuniqueContent) {
  const ru = content.signatories.filter((s) => s.side === "RU");
  const jp = content.signatories.filter((s) => s.side === "JP");
  return Array.from({ length: Math.max(ru.length, jp.length) }, (_, i) => [ru[i], jp[i]] as const);
}
