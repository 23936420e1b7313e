import { describe, expect, it } from "vitest";
import { pickComparison } from "./pick-comparison";

const ids = ["r3", "r2", "r1"];

describe("pickComparison", () => {
  it("compares the latest two by default, or the two asked for", () => {
    expect(pickComparison(ids, {})).toEqual({ older: "r2", newer: "r3", pair: ["r2", "r3"], unknown: false });
    expect(pickComparison(ids, { a: "r1" })).toEqual({ older: "r1", newer: "r3", pair: ["r1", "r3"], unknown: false });
    expect(pickComparison(ids, { a: "r1", b: "r2" })).toMatchObject({ pair: ["r1", "r2"], unknown: false });
  });

  it("compares nothing for one revision, none, or the same one twice", () => {
    expect(pickComparison(["r1"], {})).toEqual({ older: undefined, newer: "r1", pair: null, unknown: false });
    expect(pickComparison([], {})).toEqual({ older: undefined, newer: undefined, pair: null, unknown: false });
    expect(pickComparison(ids, { a: "r2", b: "r2" })).toMatchObject({ pair: null, unknown: false });
  });

  it("marks as unknown an id that is not among the revisions, an empty one, or a repeated parameter", () => {
    for (const query of [{ b: "nope" }, { a: "" }, { a: ["r1", "r2"] }, { a: "r1", b: "r9" }]) {
      expect(pickComparison(ids, query), JSON.stringify(query)).toEqual({ older: "r2", newer: "r3", pair: null, unknown: true });
    }
  });
});
