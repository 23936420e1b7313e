import { describe, expect, it } from "vitest";
import type { CommuniqueContent, SignatoryEntry } from "@/lib/communique/content";
import { signatureRows } from "./signature-page";
import { fakeFaces } from "./testing/fake-font";

const person = (id: string, side: "RU" | "JP"): SignatoryEntry => ({
  id, side, title: { ru: `Мэр города ${id}`, ja: `${id}市長` }, name: { ru: `Фамилия ${id}`, ja: `${id}氏` },
});

const content = {
  signing: { place: { ru: "Хабаровск", ja: "ハバロフスク市" }, date: "2019-08-24", placeDate: { ru: "24 августа 2019 года", ja: "2019年8月24日" } },
  signatories: [person("r1", "RU"), person("j1", "JP"), person("j2", "JP"), person("r2", "RU"), person("r3", "RU")],
} as unknown as CommuniqueContent;

const blockIds = (slices: { items: { type: string; blockId?: string }[] }[]) =>
  [...new Set(slices.flatMap((s) => s.items.flatMap((i) => (i.type === "line" && i.blockId ? [i.blockId] : []))))];

describe("signatureRows", () => {
  const rows = signatureRows(content, fakeFaces(), { j2: { kind: "image", width: 300, height: 100, signedOn: "2019-08-24" } });

  it("starts with place and date, kept with the first signatures", () => {
    expect(rows[0]!.id).toBe("signing");
    expect(rows[0]!.keepWithNext).toBe(true);
  });

  it("pairs the n-th Russian signatory (left) with the n-th Japanese one (right), in order", () => {
    const pairs = rows.slice(1).map((r) => [blockIds(r.sides.left)[0], blockIds(r.sides.right)[0]]);
    expect(pairs).toEqual([["r1", "j1"], ["r2", "j2"], ["r3", undefined]]);
  });

  it("never splits a signature block and puts both signature lines of a row at one height", () => {
    for (const row of rows.slice(1)) {
      expect(row.splittable).toBe(false);
      const ruleY = (side: typeof row.sides.left) => side.flatMap((s) => s.items).find((i) => i.type === "rule")?.y;
      if (row.sides.right.length) expect(ruleY(row.sides.left)).toBe(ruleY(row.sides.right));
    }
  });

  it("places the signature image above the line with the date of signing below it", () => {
    const items = rows[2]!.sides.right.flatMap((s) => s.items);
    const image = items.find((i) => i.type === "image");
    const rule = items.find((i) => i.type === "rule");
    expect(image && rule && image.type === "image" && rule.type === "rule" && image.y + image.height <= rule.y).toBe(true);
    const label = items.find((i) => i.type === "line" && i.blockId === "signed:j2");
    expect(label && label.type === "line" && label.line.runs.map((r) => r.text).join("")).toBe("2019年8月24日");
    expect(rows[1]!.sides.left.flatMap((s) => s.items).some((i) => i.type === "image")).toBe(false);
  });
});
