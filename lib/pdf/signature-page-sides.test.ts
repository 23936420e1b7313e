import { describe, expect, it } from "vitest";
import type { CommuniqueContent, Side, SignatoryEntry } from "@/lib/communique/content";
import type { Row, Slice } from "./layout-model";
import { signatureRows } from "./signature-page";
import { fakeFaces } from "./testing/fake-font";

/**
 * Sides may have different numbers of signatories: the signature page pairs them row by
 * row and leaves the missing partner's cell empty. These tests pin that for an uneven
 * meeting either way round, and that no signatory is lost or printed twice.
 */

const person = (id: string, side: Side): SignatoryEntry => ({
  id, side, title: { ru: `Мэр города ${id}`, ja: `${id}市長` }, name: { ru: `Фамилия ${id}`, ja: `${id}氏` },
});

const contentWith = (signatories: SignatoryEntry[]) => ({
  signing: { place: { ru: "Ниигата", ja: "新潟市" }, date: "2021-10-07", placeDate: { ru: "7 октября 2021 года", ja: "2021年10月7日" } },
  signatories,
}) as unknown as CommuniqueContent;

const blockIds = (slices: Slice[]) =>
  [...new Set(slices.flatMap((s) => s.items.flatMap((i) => (i.type === "line" && i.blockId ? [i.blockId] : []))))];

/** The signature rows only, without the place-and-date row that heads them. */
const signatureRowsOf = (signatories: SignatoryEntry[]): Row[] =>
  signatureRows(contentWith(signatories), fakeFaces(), {}).slice(1);

const pairsOf = (rows: Row[]) => rows.map((r) => [blockIds(r.sides.left)[0], blockIds(r.sides.right)[0]]);

/** Every signatory id printed anywhere on the page, with repeats, in row order. */
const printedIds = (rows: Row[]) => rows.flatMap((r) => [...blockIds(r.sides.left), ...blockIds(r.sides.right)]);

const ru = (n: number) => Array.from({ length: n }, (_, i) => person(`r${i + 1}`, "RU"));
const jp = (n: number) => Array.from({ length: n }, (_, i) => person(`j${i + 1}`, "JP"));

describe("signature rows for sides with different numbers of signatories", () => {
  describe("3 Russian and 5 Japanese signatories", () => {
    // A Japan-hosted meeting lists its own side first; the pairing must not depend on that.
    const signatories = [...jp(5), ...ru(3)];
    const rows = signatureRowsOf(signatories);

    it("lays them out as five rows, the last two Russian cells empty", () => {
      expect(rows.map((r) => r.id)).toEqual(["signatures-1", "signatures-2", "signatures-3", "signatures-4", "signatures-5"]);
      expect(pairsOf(rows)).toEqual([["r1", "j1"], ["r2", "j2"], ["r3", "j3"], [undefined, "j4"], [undefined, "j5"]]);
      // Empty means empty: no title, no name and no signature line left waiting for nobody.
      expect(rows.slice(3).map((r) => r.sides.left)).toEqual([[], []]);
    });

    it("prints every signatory exactly once, each in the column of their language", () => {
      expect([...printedIds(rows)].sort()).toEqual(signatories.map((s) => s.id).sort());
      for (const row of rows) {
        expect(blockIds(row.sides.left).every((id) => id.startsWith("r"))).toBe(true);
        expect(blockIds(row.sides.right).every((id) => id.startsWith("j"))).toBe(true);
      }
    });

    it("still gives an unpaired signatory a signature line and keeps the row whole", () => {
      for (const row of rows.slice(3)) {
        expect(row.splittable).toBe(false);
        expect(row.sides.right.flatMap((s) => s.items).filter((i) => i.type === "rule")).toHaveLength(1);
      }
    });
  });

  describe("5 Russian and 3 Japanese signatories", () => {
    const signatories = [...ru(5), ...jp(3)];
    const rows = signatureRowsOf(signatories);

    it("lays them out as five rows, the last two Japanese cells empty", () => {
      expect(rows).toHaveLength(5);
      expect(pairsOf(rows)).toEqual([["r1", "j1"], ["r2", "j2"], ["r3", "j3"], ["r4", undefined], ["r5", undefined]]);
      expect(rows.slice(3).map((r) => r.sides.right)).toEqual([[], []]);
    });

    it("prints every signatory exactly once", () => {
      expect([...printedIds(rows)].sort()).toEqual(signatories.map((s) => s.id).sort());
    });
  });

  it("pairs by order within each side, however the sides are interleaved", () => {
    const interleaved = [person("r1", "RU"), person("j1", "JP"), person("j2", "JP"), person("r2", "RU"), person("j3", "JP")];
    expect(pairsOf(signatureRowsOf(interleaved))).toEqual([["r1", "j1"], ["r2", "j2"], [undefined, "j3"]]);
  });
});
