// C0/C1 control characters other than tab and newline, and the Unicode bidi overrides that
// can make a text display differently from what it says.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** One-line text: NFC, controls removed, white space collapsed, trimmed. */
export function normalizeLine(value: string): string {
  return value.normalize("NFC").replace(CONTROL, "").replace(/\s+/g, " ").trim();
}

/** Paragraph text: like a line, but newlines are kept (CRLF becomes LF) and blank runs collapse. */
export function normalizeParagraph(value: string): string {
  return value
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(CONTROL, "")
    .replace(/[^\S\n]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
