/**
 * The app instances of the scale-out run: each a `next start` process of its own, with its
 * own port, log and data folder, sharing only the build and the PostgreSQL database.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

export interface Instance {
  name: string;
  port: number;
  url: string;
  pid: number;
  logFile: string;
  /** Everything the process printed so far (stdout and stderr). */
  log(): string;
  /** Resolves with how the process ended (or at once when it has ended). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  child: ChildProcess;
}

/** Fails when something already listens on the port (another run, another engineer's server). */
export async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", () => reject(new Error(`port ${port} is in use: stop what listens there or choose SCALEOUT_PORTS`)));
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

/**
 * Starts `next start` on the port with the given environment. Output goes to a log file in
 * `dir`; the process leads a group of its own, so that stopping it reaches any child it has.
 */
export function startInstance(name: string, port: number, env: NodeJS.ProcessEnv, dir: string): Instance {
  const home = join(dir, name);
  mkdirSync(home, { recursive: true });
  const logFile = join(home, "server.log");
  const out = createWriteStream(logFile);
  let text = "";
  const child = spawn(join(process.cwd(), "node_modules", ".bin", "next"), ["start", "-p", String(port)], {
    cwd: process.cwd(),
    env: { ...env, DATA_DIR: join(home, "data") },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      out.write(chunk);
    });
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => {
      out.end();
      resolve({ code, signal });
    });
    // Could not be started at all (no `next` binary, say): reported as an exit while starting.
    child.once("error", (error) => {
      text += `${error.message}\n`;
      out.end();
      resolve({ code: null, signal: null });
    });
  });
  if (!child.pid) throw new Error(`${name}: next start did not start`);
  return { name, port, url: `http://localhost:${port}`, pid: child.pid, logFile, log: () => text, exited, child };
}

/** Waits until the sign-in page answers 200; fails when the process exits or time runs out. */
export async function waitReady(instance: Instance, timeoutMs = 120_000): Promise<number> {
  const started = performance.now();
  let ended = false;
  void instance.exited.then(() => (ended = true));
  while (performance.now() - started < timeoutMs) {
    if (ended) throw new Error(`${instance.name} exited while starting:\n${tail(instance.log())}`);
    const status = await fetch(`${instance.url}/sign-in`).then((r) => r.status, () => 0);
    if (status === 200) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${instance.name} did not answer within ${timeoutMs / 1000} s:\n${tail(instance.log())}`);
}

/**
 * SIGTERM to the instance's process group, then the wait for it to exit. Returns whether it
 * exited within the grace time on its own; otherwise it is killed (SIGKILL) and false returned.
 */
export async function stopInstance(instance: Instance, graceMs = 15_000): Promise<{ clean: boolean; ms: number; code: number | null; signal: NodeJS.Signals | null }> {
  const started = performance.now();
  if (instance.child.exitCode !== null || instance.child.signalCode !== null) {
    return { clean: false, ms: 0, ...(await instance.exited) };
  }
  signalGroup(instance, "SIGTERM");
  const timer = new Promise<null>((resolve) => setTimeout(() => resolve(null), graceMs).unref());
  const ended = await Promise.race([instance.exited, timer]);
  if (ended) return { clean: true, ms: performance.now() - started, ...ended };
  signalGroup(instance, "SIGKILL");
  return { clean: false, ms: performance.now() - started, ...(await instance.exited) };
}

function signalGroup(instance: Instance, signal: NodeJS.Signals) {
  try {
    process.kill(-instance.pid, signal);
  } catch {
    // the group is gone already
  }
}

/** The last lines of a log, for error messages. */
export function tail(text: string, lines = 30): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}
