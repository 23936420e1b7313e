// A real SMTP receiver for the browser journeys: the app sends through nodemailer to it, and
// the tests read what arrived over a small HTTP endpoint (GET /messages, DELETE /messages).
import { createServer } from "node:http";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export async function startMailbox({ smtpPort, httpPort }) {
  const messages = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            at: new Date().toISOString(),
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise((resolve) => smtp.listen(smtpPort, "127.0.0.1", resolve));
  const http = createServer((req, res) => {
    if (req.method === "DELETE") messages.length = 0;
    res.setHeader("Content-Type", "application/json; charset=utf-8");
    res.end(JSON.stringify(messages));
  });
  await new Promise((resolve) => http.listen(httpPort, "127.0.0.1", resolve));
  return { close: () => Promise.all([new Promise((r) => smtp.close(r)), new Promise((r) => http.close(r))]) };
}
