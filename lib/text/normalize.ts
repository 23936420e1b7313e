// C0/C1 control characters other than the white-space ones (tab, line feed, vertical tab,
// form feed, carriage return: those become spaces or line breaks), and the invisible format
// characters (Unicode category Cf): the bidi marks, embeddings, overrides and isolates that
// can make a text display differently from what it says, zero-width spaces and joiners, soft
// hyphens (the PDF typesetter hyphenates by itself), the byte-order mark and tag characters.
// None of them prints; left in, they either draw as a box or hide in a text that looks fine.
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\p{Cf}]/gu;
// White space to collapse. The ideographic space U+3000 is kept: in Japanese it is text.
const SPACES = /[^\S\u3000]+/g;
const SPACES_IN_LINE = /[^\S\n\u3000]+/g;

// Controls go before NFC: removing one between a letter and a combining mark would
// otherwise leave a sequence that NFC composes, and normalising twice would change the text.

/** One-line text: controls removed, NFC, white space collapsed, trimmed. */
export function normalizeLine(value: string): string {
  return value.replace(CONTROL, "").normalize("NFC").replace(SPACES, " ").trim();
}

/** Paragraph text: like a line, but newlines are kept (CRLF becomes LF) and blank runs collapse. */
export function normalizeParagraph(value: string): string {
  return value
    .replace(/\r\n?|[\v\f\u2028\u2029]/g, "\n")
    .replace(CONTROL, "")
    .normalize("NFC")
    .replace(SPACES_IN_LINE, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
