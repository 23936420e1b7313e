import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { postgresRunner } from "@/lib/db/sql";
import { useTestDatabase } from "@/lib/testing/test-db";
import { deliverPending, deliverSoon, deliveriesSettled, MAX_ATTEMPTS, SMTP_NOT_CONFIGURED } from "./deliver";
import { htmlFromText } from "./html-part";
import { listOutbox } from "./list-outbox";
import { queueMail, type MailMessage } from "./queue-mail";
import { renderMail } from "./templates";
import { startSmtpReceiver, type SmtpReceiver } from "./testing/smtp-receiver";
import { closeMailTransport } from "./transport";

useTestDatabase();

const onPostgres = Boolean(process.env.DATABASE_URL);
let smtp: SmtpReceiver;
const saved = { SMTP_URL: process.env.SMTP_URL, MAIL_FROM: process.env.MAIL_FROM };

beforeAll(async () => {
  smtp = await startSmtpReceiver();
});

afterAll(async () => {
  closeMailTransport();
  await smtp.close();
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

beforeEach(async () => {
  process.env.SMTP_URL = smtp.url;
  delete process.env.MAIL_FROM;
  smtp.messages.length = 0;
  smtp.delayMs = 0;
  // Test files run one after another; on PostgreSQL they share the database, so mail left by
  // other files' use cases would be delivered here too.
  await db.outboxMail.deleteMany({});
});

afterEach(() => {
  vi.restoreAllMocks();
});

const LINK = "http://localhost:3000/communiques/c1/review";

/** A rendered message of each language, as a use case would queue it. */
function messageFor(locale: "ru" | "ja" | "en", to: string): MailMessage {
  const title = { ru: "XXVII Встреча мэров", ja: "第27回日ロ沿岸市長会議", en: "XXVII Meeting of Mayors" }[locale];
  const name = { ru: "Калита В. С.", ja: "中原八一", en: "Valentin Kalita" }[locale];
  const { subject, text } = renderMail("approval-requested", locale, { recipientName: name, meetingTitle: title, link: LINK });
  return { to, kind: "approval-requested", locale, subject, text };
}

const address = (label: string) => `${label}-${randomUUID().slice(0, 8)}@test.example`;

async function queue(...messages: MailMessage[]) {
  return db.$transaction(async (tx) => {
    const ids: string[] = [];
    for (const m of messages) ids.push((await queueMail(tx, m)).id);
    return ids;
  });
}

const rows = (ids: string[]) => db.outboxMail.findMany({ where: { id: { in: ids } } });

describe("queueMail", () => {
  it("writes the message only when the caller's transaction commits", async () => {
    const to = address("rollback");
    await expect(
      db.$transaction(async (tx) => {
        await queueMail(tx, messageFor("ru", to));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.outboxMail.count({ where: { to } })).toBe(0);

    const [id] = await queue(messageFor("ja", to));
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({
      to,
      kind: "approval-requested",
      locale: "ja",
      sentAt: null,
      attempts: 0,
      error: null,
    });
  });

  it("refuses anything but one plain address, so no recipient can be smuggled in", async () => {
    for (const to of ["a@test.example, b@test.example", "a@test.example\r\nBcc: b@test.example", "nobody"]) {
      await expect(queue({ ...messageFor("en", "x@test.example"), to })).rejects.toThrow(/single e-mail address/);
    }
  });
});

describe("deliverPending through a real SMTP server", () => {
  it("sends the queued messages with their recipients, subjects and UTF-8 texts and HTML, and marks them sent", async () => {
    const sent = [messageFor("ru", address("ru")), messageFor("ja", address("ja")), messageFor("en", address("en"))];
    const ids = await queue(...sent);

    expect(await deliverPending()).toEqual({ sent: 3, failed: 0, logged: 0 });

    expect(smtp.messages).toHaveLength(3);
    for (const message of sent) {
      const received = smtp.messages.find((m) => m.envelopeTo.includes(message.to));
      expect(received, message.to).toBeDefined();
      expect(received!.header("to")).toBe(message.to);
      expect(received!.header("subject")).toBe(message.subject);
      expect(received!.header("from")).toBe("Communiqué <no-reply@communique.example>");
      expect(received!.header("auto-submitted")).toBe("auto-generated");
      // The text and, as an alternative for clients that prefer it, the HTML made from it.
      expect(received!.header("content-type")).toMatch(/^multipart\/alternative;\s*boundary=/i);
      expect(received!.parts.map((p) => p.contentType.toLowerCase())).toEqual(["text/plain; charset=utf-8", "text/html; charset=utf-8"]);
      expect(received!.raw.match(/^Content-Type: text\/[a-z]+; charset=utf-8\r$/gim)).toEqual(["Content-Type: text/plain; charset=utf-8\r", "Content-Type: text/html; charset=utf-8\r"]);
      expect(received!.text.trimEnd()).toBe(message.text.trimEnd());
      expect(received!.text.split("\n")).toContain(LINK);
      expect(received!.html.trimEnd()).toBe(htmlFromText(message.text, message.locale).trimEnd());
      expect(received!.html).toContain(`<html lang="${message.locale}">`);
      expect(received!.html).toContain(`<a href="${LINK}">${LINK}</a>`);
      expect(received!.html).toContain(message.locale === "ja" ? "中原八一様" : message.locale === "ru" ? "Калита В. С." : "Valentin Kalita");
    }
    // Not just ASCII on the wire: the decoding above did real work.
    expect(smtp.messages.every((m) => /=\?utf-8\?/i.test(m.headers.get("subject") ?? ""))).toBe(true);

    for (const row of await rows(ids)) {
      expect(row.sentAt).toBeInstanceOf(Date);
      expect(row).toMatchObject({ attempts: 1, error: null });
      const received = smtp.messages.find((m) => m.envelopeTo.includes(row.to))!;
      expect(received.header("message-id")).toBe(`<${row.id}@communique.example>`);
    }
  });

  it("sends nothing twice: a second run finds nothing to do", async () => {
    await queue(messageFor("ru", address("once")), messageFor("ja", address("once")));
    expect(await deliverPending()).toEqual({ sent: 2, failed: 0, logged: 0 });
    expect(await deliverPending()).toEqual({ sent: 0, failed: 0, logged: 0 });
    expect(smtp.messages).toHaveLength(2);
  });

  it("takes messages in the order they were queued and uses MAIL_FROM", async () => {
    process.env.MAIL_FROM = "Секретариат <secretariat@city.example>";
    const order = [address("first"), address("second"), address("third")];
    for (const to of order) await queue(messageFor("en", to));
    expect(await deliverPending()).toEqual({ sent: 3, failed: 0, logged: 0 });
    expect(smtp.messages.map((m) => m.envelopeTo[0])).toEqual(order);
    expect(smtp.messages[0]!.header("from")).toMatch(/Секретариат.*<secretariat@city\.example>/);
  });

  it("stops after the limit and leaves the rest for the next run", async () => {
    await queue(...["a", "b", "c"].map((l) => messageFor("ru", address(l))));
    expect(await deliverPending({ limit: 2 })).toEqual({ sent: 2, failed: 0, logged: 0 });
    expect(await deliverPending({ limit: 2 })).toEqual({ sent: 1, failed: 0, logged: 0 });
  });

  it("sends each message exactly once when two runs race", async () => {
    smtp.delayMs = 30; // each message takes a while, so the runs really overlap
    const ids = await queue(...Array.from({ length: 8 }, (_, i) => messageFor(i % 2 ? "ja" : "ru", address(`race${i}`))));

    const [a, b] = await Promise.all([deliverPending(), deliverPending()]);

    expect(a.sent + b.sent).toBe(8);
    expect(a.failed + b.failed).toBe(0);
    expect(smtp.messages).toHaveLength(8);
    expect(new Set(smtp.messages.map((m) => m.header("message-id"))).size).toBe(8);
    for (const row of await rows(ids)) expect(row).toMatchObject({ attempts: 1, error: null });
    // On PostgreSQL both runs work side by side (row locks); on the embedded database they take turns.
    if (onPostgres) expect(Math.min(a.sent, b.sent)).toBeGreaterThan(0);
  });

  it.runIf(onPostgres)("skips a message another instance is sending, and sends it later if that instance let go", async () => {
    const [busyId, freeId] = await queue(messageFor("ru", address("busy")), messageFor("ja", address("free")));
    // Another instance, on its own connection, is in the middle of sending the first message.
    const other = await postgresRunner(process.env.DATABASE_URL!);
    try {
      await other.exec("BEGIN");
      await other.query(`SELECT "id" FROM "OutboxMail" WHERE "id" = $1 FOR UPDATE`, [busyId]);
      expect(await deliverPending()).toEqual({ sent: 1, failed: 0, logged: 0 });
      expect((await db.outboxMail.findUniqueOrThrow({ where: { id: busyId! } })).attempts).toBe(0);
      expect((await db.outboxMail.findUniqueOrThrow({ where: { id: freeId! } })).sentAt).not.toBeNull();
      await other.exec("ROLLBACK"); // it crashed before sending
    } finally {
      await other.close();
    }
    expect(await deliverPending()).toEqual({ sent: 1, failed: 0, logged: 0 });
    expect(smtp.messages).toHaveLength(2);
  });

  it("keeps a refused message unsent with a short error, tries it again later, and gives up after MAX_ATTEMPTS", async () => {
    const bounced = address("bounce");
    const good = address("good");
    const [bouncedId, goodId] = await queue(messageFor("ru", bounced), messageFor("ja", good));

    expect(await deliverPending()).toEqual({ sent: 1, failed: 1, logged: 0 });
    const row = await db.outboxMail.findUniqueOrThrow({ where: { id: bouncedId! } });
    expect(row.sentAt).toBeNull();
    expect(row.attempts).toBe(1);
    expect(row.error).toMatch(/550/);
    expect(row.error).not.toMatch(/\n|    at /);
    expect((await db.outboxMail.findUniqueOrThrow({ where: { id: goodId! } })).sentAt).not.toBeNull();

    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt += 1) {
      expect(await deliverPending()).toEqual({ sent: 0, failed: 1, logged: 0 });
    }
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id: bouncedId! } })).toMatchObject({ attempts: MAX_ATTEMPTS, sentAt: null });
    // Left for a person to look at in the outbox, not retried for ever.
    expect(await deliverPending()).toEqual({ sent: 0, failed: 0, logged: 0 });
    expect(smtp.messages.filter((m) => m.envelopeTo.includes(good))).toHaveLength(1);
  });

  it("records the error when the SMTP server cannot be reached, and sends once it is back", async () => {
    const closed = await startSmtpReceiver();
    await closed.close();
    process.env.SMTP_URL = closed.url; // nothing listens there any more
    const [id] = await queue(messageFor("en", address("later")));

    expect(await deliverPending()).toEqual({ sent: 0, failed: 1, logged: 0 });
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({ sentAt: null, attempts: 1, error: expect.stringMatching(/ECONNREFUSED/) });

    process.env.SMTP_URL = smtp.url;
    expect(await deliverPending()).toEqual({ sent: 1, failed: 0, logged: 0 });
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({ attempts: 2, error: null });
  });
});

describe("deliverPending without an SMTP server", () => {
  it("writes each message to the server log once and keeps it in the outbox, to be sent when SMTP is set up", async () => {
    delete process.env.SMTP_URL;
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    const messages = [messageFor("ru", address("log")), messageFor("ja", address("log"))];
    const ids = await queue(...messages);

    expect(await deliverPending()).toEqual({ sent: 0, failed: 0, logged: 2 });
    expect(info).toHaveBeenCalledTimes(2);
    const logged = info.mock.calls.map((call) => call.join(" "));
    for (const m of messages) {
      const entry = logged.find((l) => l.includes(m.to));
      expect(entry).toContain(m.subject);
      expect(entry).toContain(m.text.trim());
    }
    for (const row of await rows(ids)) expect(row).toMatchObject({ sentAt: null, attempts: 0, error: SMTP_NOT_CONFIGURED });

    // Logged once, not on every run.
    expect(await deliverPending()).toEqual({ sent: 0, failed: 0, logged: 0 });
    expect(info).toHaveBeenCalledTimes(2);
    expect(smtp.messages).toHaveLength(0);

    process.env.SMTP_URL = smtp.url;
    expect(await deliverPending()).toEqual({ sent: 2, failed: 0, logged: 0 });
    for (const row of await rows(ids)) expect(row).toMatchObject({ attempts: 1, error: null });
  });
});

describe("deliverSoon", () => {
  it("returns at once, delivers in the background and never throws into the caller", async () => {
    const [id] = await queue(messageFor("ru", address("soon")));
    // As the use cases call it: after the transaction, whatever its outcome.
    const result = await db.$transaction(async () => "done").finally(deliverSoon);
    expect(result).toBe("done");
    expect(deliverSoon()).toBeUndefined();
    await deliveriesSettled();
    expect((await db.outboxMail.findUniqueOrThrow({ where: { id: id! } })).sentAt).not.toBeNull();
    expect(smtp.messages).toHaveLength(1);
  });

  it("logs a failed run instead of throwing", async () => {
    const failure = vi.spyOn(console, "error").mockImplementation(() => {});
    const databaseUrl = process.env.DATABASE_URL;
    // The run fails before it reaches the database: a misconfigured process.
    process.env.DATABASE_URL = "mysql://nowhere.example/db";
    try {
      expect(() => deliverSoon()).not.toThrow();
      await deliveriesSettled();
    } finally {
      if (databaseUrl === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = databaseUrl;
    }
    expect(failure).toHaveBeenCalledWith("mail delivery failed: DATABASE_URL must be a postgres:// or postgresql:// URL");
  });
});

describe("listOutbox", () => {
  it("lists the newest messages first, up to the limit", async () => {
    const order = [address("old"), address("middle"), address("new")];
    for (const to of order) await queue(messageFor("ru", to));
    expect((await listOutbox(2)).map((r) => r.to)).toEqual([order[2], order[1]]);
    expect(await listOutbox(50)).toHaveLength(3);
  });
});
