/** The production server under test, started and stopped by the benchmark, and signing in to it over HTTP. */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { join } from "node:path";
import { createInterface } from "node:readline";

const root = join(import.meta.dirname, "..", "..");
// The end-to-end tests' server: never start anything there.
const RESERVED = new Set([3100]);

/** The first port from `from` on that nothing listens on. */
export async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 100; port++) {
    if (RESERVED.has(port)) continue;
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer()
        .once("error", () => resolve(false))
        .once("listening", () => probe.close(() => resolve(true)));
      probe.listen(port, "127.0.0.1");
    });
    if (free) return port;
  }
  throw new Error(`No free port from ${from}`);
}

export interface Server {
  base: string;
  stop(): Promise<void>;
}

/**
 * `next start` of the build in `distDir`, in production mode, on 127.0.0.1:`port`; resolves
 * once the health route answers 200 (which also shows that the database is reachable).
 */
export async function startServer(options: {
  distDir: string;
  port: number;
  env: Record<string, string>;
  /** Called with every line the server writes to stdout, from its first. */
  onLine?: (line: string) => void;
}): Promise<Server> {
  const child: ChildProcess = spawn(join(root, "node_modules", ".bin", "next"), ["start", "-p", String(options.port), "-H", "127.0.0.1"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: options.distDir,
      NEXT_TELEMETRY_DISABLED: "1",
      // Sessions only have to last the run.
      AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
      ...options.env,
    },
    // Its own process group, so that stopping it stops whatever it started.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stderr: string[] = [];
  createInterface({ input: child.stdout! }).on("line", (line) => options.onLine?.(line));
  createInterface({ input: child.stderr! }).on("line", (line) => {
    stderr.push(line);
    if (stderr.length > 50) stderr.shift();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let running = true;
  void exited.then(() => (running = false));

  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      /* already gone */
    }
  };
  const stop = async () => {
    if (!running) return;
    signal("SIGTERM");
    const killed = setTimeout(() => signal("SIGKILL"), 10_000);
    await exited;
    clearTimeout(killed);
  };

  const base = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (!running) throw new Error(`next start exited:\n${stderr.join("\n")}`);
    try {
      const response = await fetch(`${base}/api/health`);
      if (response.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The server did not answer on ${base} within 90 s:\n${stderr.join("\n")}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { base, stop };
}

/** Cookies as a browser keeps them: name → value, updated from every Set-Cookie. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const eq = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
  }

  get(name: string) {
    return this.cookies.get(name);
  }

  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/**
 * Signs in through Auth.js's credentials callback as a browser's form would (CSRF token from
 * /api/auth/csrf, same-origin POST); returns the Cookie header of the signed-in session.
 */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const jar = new CookieJar();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  jar.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base, Cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/` }),
  });
  jar.take(response);
  const location = response.headers.get("location") ?? "";
  if (response.status !== 302 || location.includes("error") || !jar.get("authjs.session-token")) {
    throw new Error(`Signing in as ${email} failed: ${response.status} → ${location}`);
  }
  return jar.header();
}

/** A page as the signed-in user sees it, redirects not followed (a redirect to sign-in must show). */
export async function fetchPage(url: string, cookie: string): Promise<{ status: number; location: string | null; html: string }> {
  const response = await fetch(url, { headers: { Cookie: cookie }, redirect: "manual" });
  return { status: response.status, location: response.headers.get("location"), html: await response.text() };
}
