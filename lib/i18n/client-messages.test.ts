import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import ru from "./messages/ru.json";
import { clientMessages, CLIENT_NAMESPACES } from "./client-messages";

const root = process.cwd();
const clientFiles = ["app", "components"]
  .flatMap((dir) => readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" }).map((f) => path.join(dir, f)))
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".test.tsx") && /^\s*["']use client["']/.test(readFileSync(path.join(root, f), "utf8")));

describe("messages sent to the browser", () => {
  it("finds the client components", () => {
    expect(clientFiles.length).toBeGreaterThan(10);
  });

  it.each(clientFiles)("%s translates only with namespaces the browser receives", (file) => {
    const source = readFileSync(path.join(root, file), "utf8");
    const calls = [...source.matchAll(/useTranslations\(([^)]*)\)/g)].map((m) => m[1]!.trim());
    for (const arg of calls) {
      // A root translator would need every namespace: name one.
      expect(arg, `${file}: useTranslations() without a namespace`).toMatch(/^"[A-Za-z.]+"$/);
      expect(CLIENT_NAMESPACES, `${file}: namespace ${arg}`).toContain(arg.slice(1, -1).split(".")[0]);
    }
  });

  it("are exactly those namespaces, and each exists", () => {
    const sent = clientMessages(ru);
    expect(Object.keys(sent).sort()).toEqual([...CLIENT_NAMESPACES].sort());
    expect(sent.review).toBe(ru.review);
    // The screens only the server renders stay there.
    expect(sent).not.toHaveProperty("admin");
    expect(sent).not.toHaveProperty("meeting");
  });
});
