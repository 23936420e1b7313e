// C0/C1 control characters other than the white-space ones (tab, line feed, vertical tab,
// form feed, carriage return: those become spaces or line breaks), and the Unicode bidi
// overrides that can make a text display differently from what it says.
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
// White space to collapse. The ideographic space U+3000 is kept: in Japanese it is text.
const SPACES = /[^\S\u3000]+/g;
const SPACES_IN_LINE = /[^\S\n\u3000]+/g;

/** One-line text: NFC, controls removed, white space collapsed, trimmed. */
export function normalizeLine(value: string): string {
  return value.normalize("NFC").replace(CONTROL, "").replace(SPACES, " ").trim();
}

/** Paragraph text: like a line, but newlines are kept (CRLF becomes LF) and blank runs collapse. */
export function normalizeParagraph(value: string): string {
  return value
    .normalize("NFC")
    .replace(/\r\n?|[\v\f\u2028\u2029]/g, "\n")
    .replace(CONTROL, "")
    .replace(SPACES_IN_LINE, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
