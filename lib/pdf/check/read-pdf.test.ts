import { describe, expect, it } from "vitest";
import { parseContent, textString } from "./content-lexer";
import { parseToUnicode } from "./read-pdf";

describe("content stream lexer", () => {
  it("reads operators with hex strings, TJ arrays and marked-content property lists", () => {
    const ops = parseContent(new TextEncoder().encode(
      "/Span <</Lang (ja) /Block (clause\\(1\\)) /ActualText <FEFF0041>>> BDC BT /F1 10.5 Tf [<0001> -250.5 <00020003>] TJ ET EMC",
    ));
    expect(ops.map((o) => o.op)).toEqual(["BDC", "BT", "Tf", "TJ", "ET", "EMC"]);
    const props = ops[0]!.operands[1] as { kind: "dict"; entries: Map<string, { kind: "string"; bytes: Uint8Array }> };
    expect(textString(props.entries.get("Lang")!.bytes)).toBe("ja");
    expect(textString(props.entries.get("Block")!.bytes)).toBe("clause(1)");
    expect(textString(props.entries.get("ActualText")!.bytes)).toBe("A");
    const tj = ops[3]!.operands[0] as unknown[];
    expect(tj[1]).toBe(-250.5);
    expect((tj[2] as { bytes: Uint8Array }).bytes).toEqual(Uint8Array.from([0, 2, 0, 3]));
  });
});

describe("ToUnicode parsing", () => {
  it("reads bfchar and bfrange entries, including surrogate pairs", () => {
    const map = parseToUnicode(`
      2 beginbfchar
      <0001> <0410>
      <0002> <D842DFB7>
      endbfchar
      1 beginbfrange
      <0010> <0012> <3042>
      endbfrange`);
    expect(map.get(1)).toBe("А");
    expect(map.get(2)).toBe("𠮷");
    expect([map.get(0x10), map.get(0x11), map.get(0x12)]).toEqual(["あ", "ぃ", "い"]);
  });
});
