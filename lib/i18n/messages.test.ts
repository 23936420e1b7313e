import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "./messages/en.json";
import ja from "./messages/ja.json";
import ru from "./messages/ru.json";
import { LOCALES } from "./locales";

/** Message text without ICU arguments ({count, plural, …} nests braces). */
function withoutArguments(message: string): string {
  let text = message;
  for (let previous = ""; previous !== text; ) {
    previous = text;
    text = text.replace(/\{[^{}]*\}/g, "");
  }
  return text;
}

function keys(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    v && typeof v === "object" ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe("message files", () => {
  const all = { ru, ja, en };

  it.each(LOCALES)("%s has exactly the keys of every other language", (locale) => {
    const mine = new Set(keys(all[locale]));
    for (const other of LOCALES) {
      const missing = keys(all[other]).filter((k) => !mine.has(k));
      expect(missing, `keys in ${other} missing from ${locale}`).toEqual([]);
    }
  });

  it.each(LOCALES)("%s has no empty message", (locale) => {
    const empty = keys(all[locale]).filter((k) => {
      const value = k.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], all[locale]);
      return typeof value !== "string" || value.trim() === "";
    });
    expect(empty).toEqual([]);
  });

  it("Japanese and Russian messages are written in their own script", () => {
    const jaValues = keys(ja).map((k) => k.split(".").reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], ja) as string);
    const untranslated = jaValues.filter((v) => !/[\u3040-\u30ff\u4e00-\u9fff]/.test(v) && /[A-Za-zА-Яа-я]{3}/.test(withoutArguments(v)));
    expect(untranslated).toEqual([]);
    const ruValues = keys(ru).map((k) => k.split(".").reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], ru) as string);
    // Acronyms such as PDF, JPEG or SHA stay as they are; words in Latin letters do not belong.
    expect(ruValues.filter((v) => /(?=[A-Za-z]*[a-z])[A-Za-z]{4,}/.test(withoutArguments(v)))).toEqual([]);
  });
});

// "No UI string outside the message files": JSX text and user-facing attributes in app/ and
// components/ must come from messages. Symbols and punctuation are allowed.
describe("UI strings", () => {
  const root = process.cwd();
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (full.endsWith(".tsx")) files.push(full);
    }
  };
  walk(path.join(root, "app"));
  walk(path.join(root, "components"));

  const WORDS = /[A-Za-zА-Яа-яЁё\u3040-\u30ff\u4e00-\u9fff]{2,}/;
  // Language names are shown in their own language on purpose, whatever the UI language.
  const ALLOWED = new Set(["Русский", "日本語", "English"]);

  it.each(files.map((f) => path.relative(root, f)))("%s has no hard-coded text", (file) => {
    const source = readFileSync(path.join(root, file), "utf8");
    const texts = [...source.matchAll(/>\s*([^<>{}]+?)\s*</g)].map((m) => m[1]!.trim());
    const attributes = [...source.matchAll(/\s(?:aria-label|title|placeholder|alt)="([^"]+)"/g)].map((m) => m[1]!);
    const offending = [...texts, ...attributes].filter(
      (t) => WORDS.test(t) && !ALLOWED.has(t) && !/^[\w.]+\)?;?$/.test(t) && // Code between two angle brackets (generics, comparisons) is not text.
        !/=>|&&|\|\||[;=[\]]|\bconst\b|\breturn\b|\w\(|\)\s*:|\?\s*\(/.test(t),
    );
    expect(offending).toEqual([]);
  });
});
