import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** One part of a message that holds content (not a multipart container), decoded. */
export interface ReceivedPart {
  /** As on the wire: "text/html; charset=utf-8". */
  contentType: string;
  text: string;
}

/** One message as the SMTP server received it, with its headers and parts decoded. */
export interface ReceivedMail {
  envelopeTo: string[];
  /** The message's own headers, undecoded. */
  headers: Map<string, string>;
  /** A header decoded from RFC 2047 encoded-words ("=?UTF-8?B?…?="). */
  header(name: string): string;
  /** The content parts in order; a single-part message has one. */
  parts: ReceivedPart[];
  /** The first text/plain part (or the only part). */
  text: string;
  /** The first text/html part, or "" when there is none. */
  html: string;
  raw: string;
}

/** A real SMTP server on a free local port that keeps what it receives (for tests). */
export interface SmtpReceiver {
  url: string;
  messages: ReceivedMail[];
  /** Recipients whose address starts with this prefix are refused with a 550. */
  rejectPrefix: string;
  /** Makes each message take this long to accept, so that concurrent senders overlap. */
  delayMs: number;
  close(): Promise<void>;
}

export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const receiver: SmtpReceiver = { url: "", messages: [], rejectPrefix: "bounce", delayMs: 0, close: async () => {} };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith(receiver.rejectPrefix)) {
        const error = new Error(`No such user here: ${address.address}`) as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("latin1");
        setTimeout(() => {
          receiver.messages.push(parseMessage(raw, session.envelope.rcptTo.map((r) => r.address)));
          callback();
        }, receiver.delayMs);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  receiver.url = `smtp://127.0.0.1:${port}`;
  receiver.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return receiver;
}

/**
 * Just enough MIME for what nodemailer sends: unfolded headers, parts of multipart bodies
 * (nested too) and bodies decoded from base64 or quoted-printable.
 */
export function parseMessage(raw: string, envelopeTo: string[] = []): ReceivedMail {
  const { headers } = splitEntity(raw);
  const parts = contentParts(raw);
  const first = (type: string) => parts.find((p) => p.contentType.toLowerCase().startsWith(type));
  return {
    envelopeTo,
    headers,
    header: (name) => decodeWords(headers.get(name.toLowerCase()) ?? ""),
    parts,
    text: (first("text/plain") ?? parts[0])?.text ?? "",
    html: first("text/html")?.text ?? "",
    raw,
  };
}

function splitEntity(raw: string): { headers: Map<string, string>; body: string } {
  const split = raw.indexOf("\r\n\r\n");
  const head = (split < 0 ? raw : raw.slice(0, split)).replace(/\r\n[ \t]+/g, " ");
  const body = split < 0 ? "" : raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function contentParts(raw: string): ReceivedPart[] {
  const { headers, body } = splitEntity(raw);
  const contentType = headers.get("content-type") ?? "text/plain";
  const boundary = /^multipart\//i.test(contentType) ? /\bboundary="?([^";]+)"?/i.exec(contentType)?.[1] : undefined;
  if (boundary) {
    // RFC 2046: each delimiter is "--boundary" at the start of a line; the last one ends in "--".
    const sections = `\r\n${body}`.split(`\r\n--${boundary}`).slice(1);
    return sections
      .filter((section) => !section.startsWith("--"))
      .flatMap((section) => contentParts(section.slice(section.indexOf("\r\n") + 2)));
  }
  const encoding = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const bytes =
    encoding === "base64"
      ? Buffer.from(body.replace(/\s+/g, ""), "base64")
      : encoding === "quoted-printable"
        ? decodeQuotedPrintable(body)
        : Buffer.from(body, "latin1");
  return [{ contentType, text: bytes.toString("utf8").replace(/\r\n/g, "\n") }];
}

function decodeQuotedPrintable(body: string): Buffer {
  const joined = body.replace(/=\r\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i += 1) {
    const c = joined[i]!;
    if (c === "=" && /^[0-9A-Fa-f]{2}$/.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(c.charCodeAt(0));
  }
  return Buffer.from(bytes);
}

/**
 * RFC 2047: "=?charset?B|Q?…?=" words; white space between two adjacent words is dropped, and
 * their bytes are joined before decoding, since a character may be split across words.
 */
export function decodeWords(value: string): string {
  const word = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  let out = "";
  let pending: Buffer[] = [];
  let last = 0;
  const flush = () => {
    out += Buffer.concat(pending).toString("utf8");
    pending = [];
  };
  for (const m of value.matchAll(word)) {
    const between = value.slice(last, m.index);
    if (!(pending.length && /^\s*$/.test(between))) {
      flush();
      out += between;
    }
    const [, , kind, data] = m as unknown as [string, string, string, string];
    pending.push(
      kind.toUpperCase() === "B"
        ? Buffer.from(data, "base64")
        : decodeQuotedPrintable(data.replace(/_/g, " ")),
    );
    last = m.index + m[0].length;
  }
  flush();
  return out + value.slice(last);
}
