import { describe, expect, it } from "vitest";
import { childrenOf, encode, encodeOid, encodeSetOf, readSingle, TAG } from "./der";

const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ""), "hex");

describe("DER", () => {
  it("encodes lengths and OIDs as DER", () => {
    expect(encodeOid("1.2.840.113549.1.9.16.2.47").toString("hex")).toBe("060b2a864886f70d010910022f");
    expect(encode(TAG.OCTET_STRING, Buffer.alloc(200)).subarray(0, 3).toString("hex")).toBe("0481c8");
    expect(encode(TAG.OCTET_STRING, Buffer.alloc(300)).subarray(0, 4).toString("hex")).toBe("0482012c");
  });

  it("sorts a SET OF by encoding", () => {
    const set = encodeSetOf([hex("0402 ffff"), hex("0401 00"), hex("0402 0000")]);
    expect(childrenOf(readSingle(set)).map((c) => c.bytes.toString("hex"))).toEqual(["040100", "04020000", "0402ffff"]);
  });

  it("reads its own encoding back", () => {
    const tlv = readSingle(encode(TAG.SEQUENCE, encode(TAG.INTEGER, hex("01")), encode(TAG.NULL)));
    expect(childrenOf(tlv, TAG.SEQUENCE).map((c) => c.tag)).toEqual([TAG.INTEGER, TAG.NULL]);
  });

  it.each([
    ["an indefinite length", "3080 0500 0000"],
    ["a long form for a short length", "048105 0102030405"],
    ["a length with a leading zero byte", "04820005 0102030405"],
    ["trailing bytes", "0500 00"],
    ["a truncated value", "0405 0102"],
    ["a high tag number", "1f2200"],
  ])("rejects %s", (_, bytes) => {
    expect(() => readSingle(hex(bytes))).toThrow();
  });

  it("rejects a constructed value whose children do not fill it", () => {
    expect(() => childrenOf(readSingle(hex("3004 020101 05")))).toThrow();
  });
});
