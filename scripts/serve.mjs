// The production server (npm start, the browser journeys): Next.js behind node:http, so that
// the client's address is decided where the connection is visible. Next.js passes on any
// X-Forwarded-For a request brings (it only fills one in when there is none), and route
// handlers cannot see the connection: without this, anyone could name the address recorded on
// approvals, signatures and the completion certificate, and dodge the per-address limits.
import { createServer } from "node:http";
import { constants } from "node:os";
import { clientAddress, proxyRuleFromEnv } from "./lib/client-address.mjs";
import { loadEnvLocal, root } from "./lib/run.mjs";

// .env.local is read here too: Next.js reads it only once the rule below is already decided.
loadEnvLocal(process.env);
let rule;
let port;
try {
  rule = proxyRuleFromEnv(process.env);
  port = listenPort(process.env.PORT);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

/** @param {string | undefined} value */
function listenPort(value) {
  const text = value?.trim() || "3000";
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) throw new Error(`PORT must be a port number (0 to 65535), not "${value}"`);
  return Number(text);
}

// As `next start` does; React and Next.js choose their production builds when they load.
process.env.NODE_ENV ||= "production";
const { default: next } = await import("next");

/**
 * The request says nothing of its origin but the one address the rule gives: X-Forwarded-For
 * holds only that (lib/http/client-address reads it), and X-Real-IP goes.
 * @param {import("node:http").IncomingMessage} req
 */
function setClientAddress(req) {
  const address = clientAddress(rule, req.socket.remoteAddress, req.headers["x-forwarded-for"]);
  delete req.headers["x-real-ip"];
  if (address) req.headers["x-forwarded-for"] = address;
  else delete req.headers["x-forwarded-for"];
}

const server = createServer();
const app = next({ dev: false, dir: root, hostname: "localhost", port, httpServer: server });
const handle = app.getRequestHandler();

server.on("request", (req, res) => {
  setClientAddress(req);
  handle(req, res).catch((/** @type {unknown} */ error) => {
    console.error(`failed to handle ${req.method} ${req.url}`, error);
    if (res.headersSent) res.destroy();
    else {
      res.statusCode = 500;
      res.end("Internal Server Error");
    }
  });
});
// Upgrade requests bring the same headers. This listener comes first; Next.js answers the
// upgrade from the listener it adds to `httpServer` (on its first request), as `next start` would.
server.on("upgrade", (req) => setClientAddress(req));

await app.prepare();

server.on("error", (error) => {
  console.error(`cannot serve on port ${port}: ${error.message}`);
  process.exit(1);
});
// All interfaces, as `next start` without a host name.
server.listen(port, () => {
  const address = server.address();
  const listening = typeof address === "object" && address ? address.port : port;
  // As `next start` sets it: a server action that redirects fetches the next page from here.
  process.env.__NEXT_PRIVATE_ORIGIN = `http://localhost:${listening}`;
  console.log(`ready on port ${listening}; client address: ${ruleInWords(rule)}`);
});

/** @param {{ kind: string, hops?: number }} rule */
function ruleInWords(rule) {
  if (rule.kind === "proxies") return "the first X-Forwarded-For entry not from TRUSTED_PROXIES";
  if (rule.kind === "hops") return `${rule.hops} hop(s) from the right of X-Forwarded-For (TRUSTED_PROXY_HOPS)`;
  return "the connection's (X-Forwarded-For is ignored: set TRUSTED_PROXIES behind a proxy)";
}

// On SIGINT or SIGTERM: take no new connections, let the requests under way finish, close
// Next.js. The app closes its database on the same signals and then exits (lib/db), so this
// does not exit at once: it only ends a process that had nothing of the app's to close, or
// that is still up after the grace period.
const EXIT_GRACE_MS = 10_000;
let stopping = false;
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) {
  process.on(signal, () => {
    // A terminal's Ctrl-C reaches both npm start and this process: one stop is enough.
    if (stopping) return;
    stopping = true;
    process.exitCode = 128 + constants.signals[signal];
    // Holds nothing open itself: fires only if something else still does.
    setTimeout(() => process.exit(), EXIT_GRACE_MS).unref();
    // Next.js closes after the last request: one under way may still schedule work in it.
    server.close(() => void app.close());
  });
}
