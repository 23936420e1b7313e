/**
 * An SMTP server both instances send to: it keeps the Message-ID of every message that
 * arrives. The app gives each outbox row the Message-ID `<row id@domain>`, so a message sent
 * twice (by both instances, say) shows up as the same id twice.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface Mailbox {
  /** smtp://127.0.0.1:<port> */
  url: string;
  /** The outbox row id of each message received, in arrival order (duplicates kept). */
  received: string[];
  close(): Promise<void>;
}

export async function startMailbox(): Promise<Mailbox> {
  const received: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => (raw += chunk));
      stream.on("end", () => {
        const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? "";
        const id = /^Message-ID:\s*<([^@>]+)@/im.exec(head)?.[1];
        received.push(id ?? "(no Message-ID)");
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
