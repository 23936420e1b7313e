import { describe, expect, it } from "vitest";
import { afterConfirm, afterEdit, staleLangs } from "./sync-flags";

const inSync = { ruStale: false, jaStale: false };

describe("translation sync flags", () => {
  it("editing Russian flags Japanese, and the reverse", () => {
    expect(afterEdit(inSync, "ru", false)).toEqual({ ruStale: false, jaStale: true });
    expect(afterEdit(inSync, "ja", false)).toEqual({ ruStale: true, jaStale: false });
  });

  it("editing the flagged language clears its flag without flagging the other", () => {
    const flagged = afterEdit(inSync, "ru", false);
    expect(afterEdit(flagged, "ja", false)).toEqual(inSync);
  });

  it("further saves of the same translating pass do not flag the source", () => {
    const flagged = afterEdit(inSync, "ru", false);
    const updated = afterEdit(flagged, "ja", false);
    expect(afterEdit(updated, "ja", true)).toEqual(inSync);
  });

  it("a later, separate edit of the translation flags the source again", () => {
    const updated = afterEdit(afterEdit(inSync, "ru", false), "ja", false);
    expect(afterEdit(updated, "ja", false)).toEqual({ ruStale: true, jaStale: false });
  });

  it("editing the same language again keeps the other flagged", () => {
    const flagged = afterEdit(inSync, "ru", false);
    expect(afterEdit(flagged, "ru", false)).toEqual({ ruStale: false, jaStale: true });
  });

  it("confirming a translation clears only that flag", () => {
    expect(afterConfirm({ ruStale: true, jaStale: true }, "ja")).toEqual({ ruStale: true, jaStale: false });
    expect(afterConfirm(inSync, "ru")).toEqual(inSync);
  });

  it("lists the languages that need an update", () => {
    expect(staleLangs({ ruStale: true, jaStale: false })).toEqual(["ru"]);
    expect(staleLangs(inSync)).toEqual([]);
  });
});
