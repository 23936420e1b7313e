/** The JavaScript a page makes the browser download: its own chunks under /_next/static/, gzipped. */
import { gzipSync } from "node:zlib";

export interface Script {
  path: string;
  /** Only `<script nomodule>`: polyfills that browsers with ES modules (all current ones) skip. */
  legacyOnly: boolean;
}

export interface Chunk extends Script {
  bytes: number;
  gzipBytes: number;
}

/**
 * Every script the HTML loads from /_next/static/: `<script src>` and `<link rel=preload|modulepreload>`
 * of scripts (`as="script"`, or any modulepreload). Inline scripts (the page's data) are not counted.
 */
export function pageScripts(html: string): Script[] {
  const scripts = new Map<string, Script>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attr = (name: string) => new RegExp(`\\s${name}(?:="([^"]*)")?(?=[\\s/>])`, "i").exec(tag);
    const isScript = /^<script/i.test(tag);
    const url = attr(isScript ? "src" : "href")?.[1];
    if (!url) continue;
    if (!isScript) {
      const rel = attr("rel")?.[1]?.split(/\s+/) ?? [];
      const preload = rel.includes("modulepreload") || (rel.includes("preload") && attr("as")?.[1] === "script");
      if (!preload) continue;
    }
    // The app's own scripts are same-origin paths (no asset prefix is configured).
    if (!url.startsWith("/_next/static/")) continue;
    const path = url.replaceAll("&amp;", "&");
    const legacyOnly = isScript && attr("nomodule") !== null;
    // A script preloaded and also loaded is one download; it is legacy-only if every mention is.
    scripts.set(path, { path, legacyOnly: legacyOnly && (scripts.get(path)?.legacyOnly ?? true) });
  }
  return [...scripts.values()];
}

/** Fetches each script and gzips it at level 9 (what a server compressing at its best sends). */
export async function measureScripts(base: string, scripts: Script[]): Promise<Chunk[]> {
  const chunks: Chunk[] = [];
  for (const script of scripts) {
    const response = await fetch(`${base}${script.path}`);
    if (!response.ok) throw new Error(`${script.path}: ${response.status}`);
    const body = Buffer.from(await response.arrayBuffer());
    chunks.push({ ...script, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length });
  }
  return chunks.sort((a, b) => b.gzipBytes - a.gzipBytes);
}
