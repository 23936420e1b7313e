import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson, sha256Hex } from "./canonical";

const hashOf = (value: unknown) => sha256Hex(canonicalJson(value));

describe("canonicalJson", () => {
  it("gives the same text whatever the key order", () => {
    expect(canonicalJson({ b: 1, a: 2, c: 3 })).toBe(canonicalJson({ c: 3, a: 2, b: 1 }));
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it("sorts the keys of nested objects, including objects inside arrays", () => {
    const one = { z: { y: 1, x: [{ b: 1, a: 2 }] }, a: null };
    const two = { a: null, z: { x: [{ a: 2, b: 1 }], y: 1 } };
    expect(canonicalJson(one)).toBe('{"a":null,"z":{"x":[{"a":2,"b":1}],"y":1}}');
    expect(canonicalJson(two)).toBe(canonicalJson(one));
  });

  it("keeps the order of array elements", () => {
    expect(canonicalJson([3, 1, 2])).toBe("[3,1,2]");
    expect(canonicalJson({ order: ["b", "a"] })).not.toBe(canonicalJson({ order: ["a", "b"] }));
  });

  it("drops object properties whose value is undefined", () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson({ n: { c: undefined, d: 4 } })).toBe('{"n":{"d":4}}');
  });

  it("keeps null, which is not the same as a missing property", () => {
    expect(canonicalJson({ a: null })).toBe('{"a":null}');
    expect(canonicalJson({ a: null })).not.toBe(canonicalJson({}));
  });

  it("writes dates as ISO strings", () => {
    expect(canonicalJson({ at: new Date("2019-08-24T00:00:00Z") })).toBe('{"at":"2019-08-24T00:00:00.000Z"}');
  });

  it("writes no insignificant white space and keeps non-ASCII text as is", () => {
    expect(canonicalJson({ ru: "Хабаровск", ja: "新潟市" })).toBe('{"ja":"新潟市","ru":"Хабаровск"}');
  });

  it("handles scalars", () => {
    expect(canonicalJson("x")).toBe('"x"');
    expect(canonicalJson(42)).toBe("42");
    expect(canonicalJson(true)).toBe("true");
    expect(canonicalJson(null)).toBe("null");
  });
});

describe("sha256Hex of canonical JSON", () => {
  const base = { action: "meeting.updated", data: { fields: ["nameRu", "venueJa"], version: 2 }, actorUserId: "u1" };

  it("is the SHA-256 of the canonical text, in lower-case hex", () => {
    const expected = createHash("sha256").update(canonicalJson(base)).digest("hex");
    expect(hashOf(base)).toBe(expected);
    expect(hashOf(base)).toMatch(/^[0-9a-f]{64}$/);
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("is the same for the same content written in another key order", () => {
    const reordered = { data: { version: 2, fields: ["nameRu", "venueJa"] }, actorUserId: "u1", action: "meeting.updated" };
    expect(hashOf(reordered)).toBe(hashOf(base));
  });

  it("changes when any value changes, at any depth", () => {
    const variants = [
      { ...base, action: "meeting.created" },
      { ...base, actorUserId: "u2" },
      { ...base, data: { ...base.data, version: 3 } },
      { ...base, data: { ...base.data, fields: ["venueJa", "nameRu"] } },
      { ...base, data: { ...base.data, fields: ["nameRu"] } },
      { ...base, extra: 0 },
      { ...base, data: { ...base.data, version: "2" } },
    ];
    const hashes = new Set(variants.map(hashOf));
    expect(hashes.size).toBe(variants.length);
    expect(hashes.has(hashOf(base))).toBe(false);
  });

  it("changes when a key is renamed", () => {
    expect(hashOf({ a: 1 })).not.toBe(hashOf({ b: 1 }));
  });
});
