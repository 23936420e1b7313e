import { describe, expect, it } from "vitest";
import { EVENTS, STATES, transition, TransitionRefused, type Event, type State } from "./communique-workflow";

// Every cell of the table, written out: a change to the workflow must change this test.
const EXPECTED: Record<State, Partial<Record<Event, State>>> = {
  DRAFT: { EDIT: "DRAFT", CHANGE_MEETING: "DRAFT", SAVE_REVISION: "DRAFT", COMMENT: "DRAFT", SUBMIT: "IN_APPROVAL", CANCEL: "CANCELLED" },
  IN_APPROVAL: {
    EDIT: "IN_APPROVAL",
    CHANGE_MEETING: "IN_APPROVAL",
    SAVE_REVISION: "IN_APPROVAL",
    COMMENT: "IN_APPROVAL",
    APPROVE_ALL: "APPROVED",
    REQUEST_CHANGES: "CHANGES_REQUESTED",
    CANCEL: "CANCELLED",
  },
  CHANGES_REQUESTED: { EDIT: "CHANGES_REQUESTED", CHANGE_MEETING: "CHANGES_REQUESTED", SAVE_REVISION: "CHANGES_REQUESTED", COMMENT: "CHANGES_REQUESTED", SUBMIT: "IN_APPROVAL", CANCEL: "CANCELLED" },
  APPROVED: { OPEN_SIGNING: "SIGNING", CANCEL: "CANCELLED" },
  SIGNING: { SIGN: "SIGNING", WITHDRAW_SIGNATURE: "SIGNING", ALL_SIGNED: "SIGNED", DECLINE_SIGNING: "CHANGES_REQUESTED", CANCEL: "CANCELLED" },
  SIGNED: {},
  // A cancelled communiqué no longer follows its meeting.
  CANCELLED: { CHANGE_MEETING: "CANCELLED" },
};

describe("communiqué workflow", () => {
  for (const state of STATES) {
    for (const event of EVENTS) {
      const next = EXPECTED[state][event];
      it(`${state} × ${event} → ${next ?? "refused"}`, () => {
        if (next) expect(transition(state, event)).toBe(next);
        else expect(() => transition(state, event)).toThrow(TransitionRefused);
      });
    }
  }

  it("refuses an unknown state or event", () => {
    expect(() => transition("NOPE" as State, "SUBMIT")).toThrow(TransitionRefused);
    expect(() => transition("DRAFT", "NOPE" as Event)).toThrow(TransitionRefused);
  });
});
