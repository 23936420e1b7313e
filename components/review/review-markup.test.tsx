import fc from "fast-check";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BlockText, DiffPieces } from "@/components/document/block-text";
import type { Block, CommuniqueContent } from "@/lib/communique/content";
import { seedCommuniqueContent } from "@/lib/communique/seed-content";
import { compareContents, type BlockDiff } from "@/lib/revisions/compare-contents";
import { cachedReviewMarkup, reviewMarkup, reviewMarkupKey, type MarkupComment, type ReviewMarkupInput } from "./review-markup";

/** The rows as React elements: what the review page rendered before its rows became one string. */
function ReferenceRows({ content, diff, comments, canComment, labels }: ReviewMarkupInput) {
  const changes = new Map(diff?.map((d) => [d.id, d]) ?? []);
  const where = (blockId: string, lang: string) => `${labels.blocks[blockId] ?? blockId} (${lang.toUpperCase()})`;
  const thread = (blockId: string, lang: "ru" | "ja") => {
    const mine = comments.filter((c) => c.blockId === blockId && c.lang === lang);
    return (
      <div className="comments" data-comments={`${blockId}:${lang}`}>
        {mine
          .filter((c) => !c.parentId)
          .map((c) => (
            <div key={c.id} className="comment" data-comment={c.id} data-resolved={c.resolved ? "true" : undefined}>
              <p className="comment__meta">
                {c.author} · v{c.revision}
                {c.resolved && (
                  <>
                    {" "}
                    <span className="badge badge--ok">{labels.resolved}</span>
                  </>
                )}
              </p>
              <p className="comment__body">{c.body}</p>
              {mine
                .filter((r) => r.parentId === c.id)
                .map((r) => (
                  <div key={r.id} className="comment comment--reply">
                    <p className="comment__meta">
                      {r.author} · v{r.revision}
                    </p>
                    <p className="comment__body">{r.body}</p>
                  </div>
                ))}
              {canComment && (
                <button type="button" className="link-button" data-reply={c.id} aria-label={`${labels.reply}: ${where(blockId, lang)}, ${c.author}`}>
                  {labels.reply}
                </button>
              )}
            </div>
          ))}
        {canComment && (
          <button type="button" className="link-button" data-new-comment="" aria-label={`${labels.comment}: ${where(blockId, lang)}`}>
            {labels.comment}
          </button>
        )}
      </div>
    );
  };
  return (
    <>
      {content.blocks.map((block) => {
        const change = changes.get(block.id);
        const changed = change && change.status !== "same";
        return (
          <div key={block.id} className={`parallel__row review__row${changed ? " review__row--changed" : ""}`} data-block={block.id} data-changed={changed ? change.status : undefined}>
            {(["ru", "ja"] as const).map((lang) => (
              <div key={lang} lang={lang} className="parallel__cell">
                {changed && block.kind !== "participants" ? <DiffPieces pieces={change[lang]} /> : <BlockText block={block} lang={lang} />}
                {thread(block.id, lang)}
              </div>
            ))}
          </div>
        );
      })}
      {diff
        ?.filter((d) => d.status === "removed")
        .map((d) => (
          <div key={d.id} className="parallel__row review__row review__row--changed" data-block={d.id} data-changed="removed">
            <div lang="ru" className="parallel__cell">
              <DiffPieces pieces={d.ru} />
            </div>
            <div lang="ja" className="parallel__cell">
              <DiffPieces pieces={d.ja} />
            </div>
          </div>
        ))}
    </>
  );
}

const seeded = seedCommuniqueContent();

/** Texts whose escaping matters: any code points (lone surrogates too), markup, entities, quotes. */
const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.array(fc.constantFrom("<script>alert(1)</script>", "&amp;", "&", '"', "'", "<", ">", "\u0000", "\ud800", "й̆", "・", " ", "Стороны", "双方は"), { maxLength: 12 }).map((parts) => parts.join("")),
);

/** The seeded communiqué with hostile texts in some blocks, some blocks left out, and a new one. */
const edited: fc.Arbitrary<CommuniqueContent> = fc
  .tuple(fc.array(fc.tuple(text, text, fc.integer({ min: 0, max: 3 })), { minLength: seeded.blocks.length, maxLength: seeded.blocks.length }), text)
  .map(([edits, added]) => {
    const blocks: Block[] = [];
    seeded.blocks.forEach((block, i) => {
      const [ru, ja, what] = edits[i]!;
      if (what === 0 && block.kind === "clause") return; // dropped: a "removed" row
      if (what === 1 && block.kind === "participants") {
        const [group, ...rest] = block.groups;
        blocks.push({ ...block, intro: { ru, ja }, groups: [{ ...group!, rows: [{ title: { ru, ja }, name: { ru: ja, ja: ru } }, ...group!.rows] }, ...rest] });
      } else if (what === 1 && block.kind !== "participants") blocks.push({ ...block, text: { ru, ja } });
      else blocks.push(block);
    });
    blocks.splice(5, 0, { id: "clause-new", kind: "clause", number: 99, text: { ru: added, ja: added } });
    return { ...seeded, blocks };
  });

const comments = (content: CommuniqueContent): fc.Arbitrary<MarkupComment[]> =>
  fc.array(fc.tuple(fc.constantFrom(...content.blocks.map((b) => b.id)), fc.constantFrom("ru", "ja"), text, fc.string(), fc.nat(9), fc.boolean(), fc.boolean()), { maxLength: 12 }).map((rows) => {
    const out: MarkupComment[] = [];
    rows.forEach(([blockId, lang, body, author, revision, reply, resolved], i) => {
      const parent = reply ? out.find((c) => c.blockId === blockId && c.lang === lang && !c.parentId) : undefined;
      out.push({ id: `c${i}"<&'>`, blockId, lang, body, author, revision, parentId: parent?.id ?? null, resolved: !parent && resolved });
    });
    return out;
  });

// Some blocks named (hostile names included), the others left to fall back on their ids.
const labels = fc.record({
  comment: text,
  reply: text,
  resolved: text,
  blocks: fc.subarray(seeded.blocks.map((b) => b.id)).chain((ids) => fc.tuple(...ids.map(() => text)).map((names) => Object.fromEntries(ids.map((id, i) => [id, names[i]!])))),
});

describe("the review page's rows as one string", () => {
  it("are the markup React renders for the same elements: hostile texts, diffs, threads and replies", () => {
    fc.assert(
      fc.property(
        edited.chain((content) => fc.tuple(fc.constant(content), comments(content), fc.boolean(), fc.boolean(), labels)),
        ([content, threads, withDiff, canComment, words]) => {
          const diff: BlockDiff[] | null = withDiff ? compareContents(seeded, content) : null;
          const input = { content, diff, comments: threads, canComment, labels: words };
          expect(reviewMarkup(input)).toBe(renderToStaticMarkup(<ReferenceRows {...input} />));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("mark what changed, and show removed blocks after the others", () => {
    const content = { ...seeded, blocks: seeded.blocks.filter((b) => b.id !== seeded.blocks.find((x) => x.kind === "clause")!.id) };
    const html = reviewMarkup({ content, diff: compareContents(seeded, content), comments: [], canComment: false, labels: { comment: "C", reply: "R", resolved: "OK", blocks: {} } });
    expect(html.match(/data-changed="removed"/g)).toHaveLength(1);
    expect(html.lastIndexOf('data-changed="removed"')).toBeGreaterThan(html.lastIndexOf('data-block="formula'));
    expect(html).not.toContain("link-button");
  });
});

describe("the markup's cache", () => {
  const base = { revisionId: "r2", sinceRevision: 1, comments: [{ id: "a" }, { id: "b" }], canComment: true, locale: "ru" };

  it("names a different markup for everything the rows depend on", () => {
    const keys = [
      base,
      { ...base, revisionId: "r3" },
      { ...base, sinceRevision: null },
      { ...base, sinceRevision: 2 },
      { ...base, comments: [...base.comments, { id: "c" }] },
      { ...base, comments: [{ id: "a" }, { id: "c" }] },
      { ...base, comments: [{ id: "a", resolved: true }, { id: "b" }] },
      { ...base, comments: [{ id: "a" }, { id: "b", resolved: true }] },
      { ...base, canComment: false },
      { ...base, locale: "ja" },
    ].map(reviewMarkupKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("makes a markup once per key", () => {
    let made = 0;
    const input = () => {
      made++;
      return { content: seeded, diff: null, comments: [], canComment: true, labels: { comment: "Комментировать", reply: "Ответить", resolved: "Решено", blocks: {} } };
    };
    const key = reviewMarkupKey({ ...base, revisionId: `cache-test-${Math.random()}` });
    const first = cachedReviewMarkup(key, input);
    expect(cachedReviewMarkup(key, input)).toBe(first);
    expect(made).toBe(1);
    expect(first).toContain("Комментировать");
  });
});
