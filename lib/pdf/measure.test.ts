import { describe, expect, it } from "vitest";
import { glyphCount, measure } from "./measure";
import { fakeFace } from "./testing/fake-font";

describe("measure", () => {
  const face = fakeFace();

  it("sums advances at the given size", () => {
    expect(measure(face, 10, "абв")).toBe(15);
    expect(measure(face, 10, "日本")).toBe(20);
    expect(measure(face, 12, "а б")).toBe(15);
  });

  it("draws a no-break space as a space and gives a soft hyphen no width", () => {
    expect(measure(face, 10, "а\u00a0б")).toBe(measure(face, 10, "а б"));
    expect(measure(face, 10, "пере\u00adнос")).toBe(measure(face, 10, "перенос"));
    expect(glyphCount("пере\u00adнос")).toBe(7);
  });

  it("counts astral characters once", () => {
    expect(measure(face, 10, "𠮷")).toBe(10);
    expect(glyphCount("𠮷а")).toBe(2);
  });
});
