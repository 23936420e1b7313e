// What the suite needs besides npm packages: a Chromium for the browser journeys and poppler's
// tools, the independent readers the PDF tests check our files with. On a fresh Debian machine
// run as root, the test command installs them (saying so); elsewhere it stops with one line.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const BROWSERS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
const POPPLER = ["pdfsig", "pdftotext", "pdftoppm", "pdfinfo"];

const onPath = (command, env) => spawnSync("/bin/sh", ["-c", `command -v ${command}`], { stdio: "ignore", env }).status === 0;

/** Debian packages missing for the suite, given Playwright's own browser path (if any). */
export function missingPackages(env = process.env, ownBrowser = null) {
  const browser = env.CHROMIUM_PATH ? existsSync(env.CHROMIUM_PATH) : (ownBrowser && existsSync(ownBrowser)) || BROWSERS.some((p) => existsSync(p));
  const missing = [];
  if (!browser) missing.push("chromium");
  if (!POPPLER.every((command) => onPath(command, env))) missing.push("poppler-utils");
  return missing;
}

/** Installs what is missing with apt-get when it can; returns a one-line reason when it cannot. */
export function ensureTestTools(env = process.env, ownBrowser = null, { root = process.getuid?.() === 0 } = {}) {
  const missing = missingPackages(env, ownBrowser);
  if (missing.length === 0) return null;
  const line = `npm test needs ${missing.join(" and ")} (Debian: apt-get install ${missing.join(" ")})`;
  if (!root || !onPath("apt-get", env)) return `${line}; install ${missing.length > 1 ? "them" : "it"} and run npm test again.`;
  console.log(`\n▶ installing ${missing.join(" and ")} with apt-get: the browser journeys and the PDF checks use them`);
  const apt = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update"], ["install", "-y", "--no-install-recommends", ...missing]]) {
    const result = spawnSync("apt-get", args, { stdio: "inherit", env: apt });
    if (result.status !== 0) return `${line}; apt-get ${args[0]} failed, so install ${missing.join(" ")} by hand and run npm test again.`;
  }
  const still = missingPackages(env, ownBrowser);
  return still.length ? `${line}; apt-get finished but ${still.join(" and ")} is still missing.` : null;
}
