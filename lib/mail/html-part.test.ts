import { describe, expect, it } from "vitest";
import { escapeHtml, htmlFromText } from "./html-part";
import { renderMail } from "./templates";

/** The content between <body …> and </body>, without the wrapper: what the text became. */
const body = (html: string) => /<div style="max-width:36em">\n([\s\S]*)\n<\/div>/.exec(html)?.[1] ?? "";
/** The paragraphs' content, without their (fixed) style attribute. */
const paragraphs = (html: string) => [...body(html).matchAll(/<p style="[^"]*">([\s\S]*?)<\/p>/g)].map((m) => m[1]);

describe("escapeHtml", () => {
  it("escapes the five characters that mean something in text or in attributes", () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
  });
});

describe("htmlFromText", () => {
  it("makes a whole, self-contained document in the message's language", () => {
    for (const locale of ["ru", "ja", "en"] as const) {
      const html = htmlFromText("Здравствуйте!\n", locale);
      expect(html.startsWith(`<!doctype html>\n<html lang="${locale}">\n<head><meta charset="utf-8">`)).toBe(true);
      expect(html.trimEnd().endsWith("</body>\n</html>")).toBe(true);
      expect(html).toContain("max-width:36em");
      expect(html).toMatch(/font-family:[^;"]*Segoe UI[^;"]*Noto Sans JP[^;"]*sans-serif/);
    }
  });

  it("loads nothing and runs nothing: no scripts, images, external resources or tracking", () => {
    const html = htmlFromText(renderMail("approval-requested", "en", { recipientName: "A", meetingTitle: "M", link: "https://communique.example/x" }).text, "en");
    expect(html).not.toMatch(/<(script|img|link|iframe|object|embed|style|form|input|base|meta http-equiv)\b/i);
    expect(html).not.toMatch(/\b(src|srcset|background|on\w+)=/i);
    expect(html).not.toMatch(/url\(/i);
    // The only reference to anything outside is the message's own link.
    expect([...html.matchAll(/https?:\/\/[^\s"<]+/g)].map((m) => m[0])).toEqual(["https://communique.example/x", "https://communique.example/x"]);
  });

  it("makes a paragraph of each block and a <br> of each single line break", () => {
    expect(paragraphs(htmlFromText("One\ntwo\n\n\nThree\n  indented\n", "en"))).toEqual(["One<br>two", "Three<br>  indented"]);
    expect(paragraphs(htmlFromText("\r\nA\r\n\r\nB\r\n", "en"))).toEqual(["A", "B"]);
  });

  it("escapes every character of a hostile text, so that it shows as written", () => {
    const hostile = ["<script>alert(1)</script>", `"><img src=x onerror="alert(1)">`, "Tom & Jerry's 'quote'"].join("\n");
    const html = htmlFromText(`Comment:\n${hostile}\n`, "ru");
    expect(paragraphs(html)).toEqual([
      "Comment:<br>&lt;script&gt;alert(1)&lt;/script&gt;<br>&quot;&gt;&lt;img src=x onerror=&quot;alert(1)&quot;&gt;<br>Tom &amp; Jerry&#39;s &#39;quote&#39;",
    ]);
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
  });

  it("links a line that is exactly one http(s) URL, with the address escaped in the href", () => {
    const link = "https://communique.example/communiques/c1/review?a=1&b=2";
    expect(paragraphs(htmlFromText(`Open:\n${link}\n\nhttp://localhost:3000/x\n`, "en"))).toEqual([
      'Open:<br><a href="https://communique.example/communiques/c1/review?a=1&amp;b=2">https://communique.example/communiques/c1/review?a=1&amp;b=2</a>',
      '<a href="http://localhost:3000/x">http://localhost:3000/x</a>',
    ]);
    const quoted = htmlFromText(`https://evil.example/"onmouseover="alert(1)\n`, "en");
    expect(paragraphs(quoted)).toEqual(['<a href="https://evil.example/&quot;onmouseover=&quot;alert(1)">https://evil.example/&quot;onmouseover=&quot;alert(1)</a>']);
  });

  it("links nothing else: other schemes, URLs inside a sentence, indented (quoted) URLs", () => {
    for (const line of [
      "javascript:alert(document.cookie)",
      "JAVASCRIPT:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "mailto:someone@example.com",
      "See https://communique.example/x for details",
      "  https://communique.example/quoted-in-a-comment",
      "https://",
      "ftp://files.example/x",
    ]) {
      expect(htmlFromText(`${line}\n`, "en"), line).not.toContain("<a ");
    }
    expect(paragraphs(htmlFromText("javascript:alert(1)\n", "en"))).toEqual(["javascript:alert(1)"]);
  });

  it("shows a line of exactly six digits (a signing code) large, and no other number", () => {
    const html = htmlFromText("Your code:\n\n042917\n\nValid 10 minutes.\n", "en");
    const [, code] = paragraphs(html);
    expect(code).toMatch(/^<strong style="[^"]*font-size:1\.6em[^"]*font-weight:bold[^"]*letter-spacing:[^"]*">042917<\/strong>$/);
    for (const other of ["12345", "1234567", " 042917", "04 29 17", "Code 042917"]) {
      expect(htmlFromText(`${other}\n`, "en"), other).not.toContain("<strong");
    }
  });

  it("keeps the text of a real message: the signing code and its link", () => {
    const { text } = renderMail("signing-code", "ja", { recipientName: "中原八一", meetingTitle: "第27回日ロ沿岸市長会議", link: "https://communique.example/communiques/c1/sign", code: "123456", minutes: 10 });
    const html = htmlFromText(text, "ja");
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain(">123456</strong>");
    expect(html).toContain('<a href="https://communique.example/communiques/c1/sign">');
    expect(html).toContain("中原八一様");
    // Every visible line of the text is in the HTML (entities undone, tags dropped).
    const shown = body(html).replace(/<br>|<\/p>/g, "\n").replace(/<[^>]+>/g, "").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
    expect(shown.split("\n").filter(Boolean)).toEqual(text.split("\n").filter(Boolean));
  });
});
