import { createHash } from "node:crypto";
import type { Block, CommuniqueContent } from "@/lib/communique/content";
import type { BlockDiff, Piece } from "@/lib/revisions/compare-contents";
import { BoundedCache } from "@/lib/cache/bounded-cache";

/**
 * The rows of the review page — the revision block by block, both languages side by side,
 * changes marked, the comment threads under each cell — as one HTML string.
 *
 * The rows are most of a review page's bytes, and a server component's output travels twice
 * (as markup and again in the React Server Components payload, element by element), so made
 * as React elements on every request they cost more than everything else on the page together.
 * As one string, made once per key, they cost a copy. The markup is the one React renders for
 * the same elements (`review-markup.test.tsx` holds it to `renderToStaticMarkup` of them, hostile
 * text included), and the threads are made interactive in the browser by `ReviewArticle`.
 */

export type MarkupComment = { id: string; blockId: string; lang: string; body: string; author: string; parentId: string | null; revision: number; resolved: boolean };

export interface ReviewMarkupInput {
  content: CommuniqueContent;
  /** The changes since the revision the reader saw last, or null the first time. */
  diff: BlockDiff[] | null;
  /** Every comment of the communiqué, oldest first. */
  comments: MarkupComment[];
  canComment: boolean;
  labels: {
    comment: string;
    reply: string;
    resolved: string;
    /** Each block's name for the buttons' accessible names ("Пункт 3"), by block id. */
    blocks: Record<string, string>;
  };
}

// The characters React escapes in text and attribute values, and as it writes them.
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

function blockMarkup(block: Block, lang: "ru" | "ja"): string {
  if (block.kind === "participants") {
    let out = `<p>${escapeHtml(block.intro[lang])}</p>`;
    for (const group of block.groups) {
      out += `<div><p class="parallel__group">${escapeHtml(group.heading[lang])}</p><table class="parallel__people"><tbody>`;
      for (const row of group.rows) out += `<tr><td>${escapeHtml(row.title[lang])}</td><td>${escapeHtml(row.name[lang])}</td></tr>`;
      out += "</tbody></table></div>";
    }
    return out;
  }
  const text = escapeHtml(block.text[lang]);
  if (block.kind === "title") return `<h2 class="parallel__title">${text}</h2>`;
  if (block.kind === "meetingLine") return `<p class="parallel__meeting">${text}</p>`;
  return `<p${block.kind === "clause" ? ' class="parallel__clause"' : ""}>${block.number ? `${block.number}. ` : ""}${text}</p>`;
}

function piecesMarkup(pieces: Piece[]): string {
  let out = '<p class="diff__text">';
  for (const p of pieces) {
    const tag = p.op === "added" ? "ins" : p.op === "removed" ? "del" : "span";
    out += `<${tag}>${escapeHtml(p.text)}</${tag}>`;
  }
  return `${out}</p>`;
}

function commentMarkup(c: MarkupComment, resolved: string): string {
  const mark = c.resolved ? ` <span class="badge badge--ok">${escapeHtml(resolved)}</span>` : "";
  return `<p class="comment__meta">${escapeHtml(c.author)} · v${c.revision}${mark}</p><p class="comment__body">${escapeHtml(c.body)}</p>`;
}

function threadMarkup(blockId: string, lang: "ru" | "ja", comments: MarkupComment[], input: ReviewMarkupInput): string {
  const { canComment, labels } = input;
  // Twenty "Comment" buttons must be told apart by ear: each names its block and language.
  const where = `${labels.blocks[blockId] ?? blockId} (${lang.toUpperCase()})`;
  let out = `<div class="comments" data-comments="${escapeHtml(`${blockId}:${lang}`)}">`;
  for (const root of comments) {
    if (root.parentId) continue;
    out += `<div class="comment" data-comment="${escapeHtml(root.id)}"${root.resolved ? ' data-resolved="true"' : ""}>${commentMarkup(root, labels.resolved)}`;
    for (const r of comments) if (r.parentId === root.id) out += `<div class="comment comment--reply">${commentMarkup(r, labels.resolved)}</div>`;
    if (canComment) {
      out += `<button type="button" class="link-button" data-reply="${escapeHtml(root.id)}" aria-label="${escapeHtml(`${labels.reply}: ${where}, ${root.author}`)}">${escapeHtml(labels.reply)}</button>`;
    }
    out += "</div>";
  }
  if (canComment) {
    out += `<button type="button" class="link-button" data-new-comment="" aria-label="${escapeHtml(`${labels.comment}: ${where}`)}">${escapeHtml(labels.comment)}</button>`;
  }
  return `${out}</div>`;
}

/** The rows, as React would render them (see the module's note). */
export function reviewMarkup(input: ReviewMarkupInput): string {
  const { content, diff } = input;
  const changes = new Map(diff?.map((d) => [d.id, d]) ?? []);
  const threads = new Map<string, MarkupComment[]>();
  for (const c of input.comments) {
    const key = `${c.blockId}\u0000${c.lang}`;
    const list = threads.get(key);
    if (list) list.push(c);
    else threads.set(key, [c]);
  }
  let out = "";
  for (const block of content.blocks) {
    const change = changes.get(block.id);
    const changed = change && change.status !== "same" ? change : undefined;
    out += `<div class="parallel__row review__row${changed ? " review__row--changed" : ""}" data-block="${escapeHtml(block.id)}"${changed ? ` data-changed="${changed.status}"` : ""}>`;
    for (const lang of ["ru", "ja"] as const) {
      out += `<div lang="${lang}" class="parallel__cell">`;
      out += changed && block.kind !== "participants" ? piecesMarkup(changed[lang]) : blockMarkup(block, lang);
      out += threadMarkup(block.id, lang, threads.get(`${block.id}\u0000${lang}`) ?? [], input);
      out += "</div>";
    }
    out += "</div>";
  }
  for (const d of diff ?? []) {
    if (d.status !== "removed") continue;
    out += `<div class="parallel__row review__row review__row--changed" data-block="${escapeHtml(d.id)}" data-changed="removed">`;
    for (const lang of ["ru", "ja"] as const) out += `<div lang="${lang}" class="parallel__cell">${piecesMarkup(d[lang])}</div>`;
    out += "</div>";
  }
  return out;
}

/**
 * What the markup depends on, as a cache key. Revisions never change and comments are only
 * ever added, so the revision, the revision compared with, the comments' count and newest id,
 * which threads are resolved, the right to comment and the labels' language name one markup
 * for good.
 */
export function reviewMarkupKey(parts: {
  revisionId: string;
  sinceRevision: number | null;
  comments: { id: string; resolved?: boolean }[];
  canComment: boolean;
  locale: string;
}): string {
  const newest = parts.comments.at(-1)?.id ?? "";
  const resolved = createHash("sha1");
  for (const c of parts.comments) if (c.resolved) resolved.update(`${c.id}\n`);
  return [parts.revisionId, parts.sinceRevision ?? "-", parts.comments.length, newest, resolved.digest("base64url"), parts.canComment ? 1 : 0, parts.locale].join("|");
}

// 190 KB for a 60-clause communiqué: 32 of them are a few megabytes per instance.
const markups = new BoundedCache<string, string>(32);

/** `reviewMarkup(input())`, made once per key in this process. */
export function cachedReviewMarkup(key: string, input: () => ReviewMarkupInput): string {
  return markups.get(key) ?? markups.set(key, reviewMarkup(input()));
}
