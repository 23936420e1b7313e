import type { MailLocale } from "./templates";

// The outbox keeps the plain text only; the HTML part is derived from it when the message is
// sent, so the two can never disagree and the secretariat's outbox shows what was sent.

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Every character that means something in HTML, in text and in attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

// Only a line that is nothing but the URL: the templates put links alone and unindented on
// their line, while quoted user text (comments, reasons) is always indented, so a URL in a
// comment stays text. Nothing but http(s) becomes a link (no javascript:, data:, mailto:…).
const URL_LINE = /^https?:\/\/\S+$/i;
// A signing code: shown large, so it is found at a glance.
const CODE_LINE = /^[0-9]{6}$/;

// Latin and Cyrillic faces first (Japanese fonts draw them poorly), then Japanese ones.
const FONTS =
  "-apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, 'Hiragino Sans', 'Hiragino Kaku Gothic ProN', 'Noto Sans JP', 'Yu Gothic', Meiryo, sans-serif";
// Inline styles: many mail clients drop <style> blocks.
const BODY_STYLE = `margin:0;padding:16px;font-family:${FONTS};font-size:16px;line-height:1.6;color:#1a1a1a;background:#ffffff`;
const PARAGRAPH_STYLE = "margin:0 0 1em;white-space:pre-wrap;overflow-wrap:anywhere";
const CODE_STYLE = "font-size:1.6em;font-weight:bold;letter-spacing:0.3em;font-family:Menlo, Consolas, 'Courier New', monospace";

function lineHtml(text: string): string {
  if (URL_LINE.test(text)) return `<a href="${escapeHtml(text)}">${escapeHtml(text)}</a>`;
  if (CODE_LINE.test(text)) return `<strong style="${CODE_STYLE}">${text}</strong>`;
  return escapeHtml(text);
}

/**
 * A minimal HTML alternative of a plain-text message: paragraphs from blank-line-separated
 * blocks, line breaks kept, links clickable. No scripts, images, external resources or
 * tracking: the plain text, readable, and nothing more.
 */
export function htmlFromText(text: string, locale: MailLocale): string {
  const blocks = text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((block) => block.replace(/^\n+|\n+$/g, ""))
    .filter((block) => block.trim() !== "");
  const paragraphs = blocks.map((block) => `<p style="${PARAGRAPH_STYLE}">${block.split("\n").map(lineHtml).join("<br>")}</p>`);
  return [
    "<!doctype html>",
    `<html lang="${escapeHtml(locale)}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>',
    `<body style="${BODY_STYLE}">`,
    '<div style="max-width:36em">',
    ...paragraphs,
    "</div>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
