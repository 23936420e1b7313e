import { describe, expect, it } from "vitest";
import type { ClauseView, PartView } from "./use-draft-state";
import { liveContent } from "./live-content";
import { forgetUnsaved, keepUnsaved, readUnsaved } from "./unsaved-store";
import { MAX_CLAUSE_CHARS } from "@/lib/clauses/limits";
import { seedCommuniqueContent } from "@/lib/communique/seed-content";

function memoryStore() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k), map };
}

describe("the unsaved text kept in the browser", () => {
  it("keeps each field's latest text per communiqué, and forgets a field once the server has that very text", () => {
    const store = memoryStore();
    keepUnsaved(store, "c1", "a:ru", "первый", 1);
    keepUnsaved(store, "c1", "a:ru", "первый вариант", 2);
    keepUnsaved(store, "c1", "part-preamble:ja", "前文", 3);
    keepUnsaved(store, "c2", "a:ru", "другое коммюнике", 4);
    expect(readUnsaved(store, "c1")).toEqual({ "a:ru": { text: "первый вариант", at: 2 }, "part-preamble:ja": { text: "前文", at: 3 } });
    // A save of an older text does not forget what was typed after it.
    forgetUnsaved(store, "c1", "a:ru", "первый");
    expect(readUnsaved(store, "c1")["a:ru"]?.text).toBe("первый вариант");
    forgetUnsaved(store, "c1", "a:ru", "первый вариант");
    expect(Object.keys(readUnsaved(store, "c1"))).toEqual(["part-preamble:ja"]);
    forgetUnsaved(store, "c1");
    expect(readUnsaved(store, "c1")).toEqual({});
    expect(store.map.has("communique:unsaved:c1")).toBe(false);
    expect(readUnsaved(store, "c2")["a:ru"]?.text).toBe("другое коммюнике");
  });

  it("reads nothing from broken or foreign data, and survives a storage that throws", () => {
    const store = memoryStore();
    store.setItem("communique:unsaved:c1", "{not json");
    expect(readUnsaved(store, "c1")).toEqual({});
    store.setItem("communique:unsaved:c1", JSON.stringify({ "a:ru": { text: 5 }, "b:ja": "x", "c:ru": { text: "ok", at: 1 } }));
    expect(readUnsaved(store, "c1")).toEqual({ "c:ru": { text: "ok", at: 1 } });
    const full = { ...memoryStore(), setItem: () => { throw new DOMException("full", "QuotaExceededError"); } };
    expect(() => keepUnsaved(full, "c1", "a:ru", "x".repeat(50_000))).not.toThrow();
    expect(readUnsaved(null, "c1")).toEqual({});
  });
});

describe("the live preview", () => {
  it("shows a refused over-long text only up to the limit, with an ellipsis", () => {
    const base = seedCommuniqueContent();
    const clause = { id: "x", textRu: "я".repeat(50_000), textJa: "短い。" } as ClauseView;
    const content = liveContent(base, [] as PartView[], [clause], false);
    const block = content.blocks.find((b) => b.id === "clause-x")!;
    expect(block.kind === "clause" && block.text.ru).toBe(`${"я".repeat(MAX_CLAUSE_CHARS)} …`);
    expect(block.kind === "clause" && block.text.ja).toBe("短い。");
  });
});
