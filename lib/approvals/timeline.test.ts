import { describe, expect, expectTypeOf, it } from "vitest";
import { AUDIT_SUBJECTS } from "@/lib/audit/audit-events";
import en from "@/lib/i18n/messages/en.json";
import ja from "@/lib/i18n/messages/ja.json";
import ru from "@/lib/i18n/messages/ru.json";
import { TIMELINE_ACTIONS, timelineEvents, timelineLabel } from "./timeline";

const MESSAGES = { ru, ja, en };

describe("the status board's timeline", () => {
  it("shows only events of the communiqué: the board reads no others", () => {
    expect(TIMELINE_ACTIONS.filter((action) => AUDIT_SUBJECTS[action] !== "Communique")).toEqual([]);
  });

  it.each(Object.keys(MESSAGES) as (keyof typeof MESSAGES)[])("has a %s label for every action it shows, and none for another", (locale) => {
    const labels: Record<string, string> = MESSAGES[locale].board.actions;
    const keys = TIMELINE_ACTIONS.map((action) => timelineLabel(action).replace(/^actions\./, ""));
    expect(keys.filter((key) => !labels[key]?.trim())).toEqual([]);
    expect(Object.keys(labels).filter((key) => !keys.includes(key))).toEqual([]);
  });

  it("keeps the events it shows, in order, and leaves out the others and actions no longer written", () => {
    const rows = [
      { seq: 1n, action: "communique.created", data: { meeting: "m1" } },
      { seq: 2n, action: "clause.moved", data: { clause: "k1", from: 0, to: 1 } },
      { seq: 3n, action: "comment.added", data: { comment: "k2", revisionId: "r1", blockId: "b1", lang: "ru", reply: false } },
      { seq: 4n, action: "test.step", data: { step: 1 } },
    ];
    const events = timelineEvents(rows);
    expect(events.map((e) => e.seq)).toEqual([1n, 3n]);
    const comment = events[1]!;
    if (comment.action !== "comment.added") throw new Error("the comment is missing");
    expect(comment.data.comment).toBe("k2");
    expectTypeOf(comment.data.comment).toEqualTypeOf<string>();
  });
});
