import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { can, LINK_SESSION_ACTIONS, POLICY, type Action } from "@/lib/authz";

const head: Actor = { userId: "u-head", email: "head@test.example", displayName: "Head", role: "DELEGATE", locale: "ru", personId: "p-head" };
const linked: Actor = { ...head, linkScope: "c-linked" };
const ofMeeting = (communiqueId?: string) => ({ meetingPeople: new Set(["p-head"]), ...(communiqueId ? { communiqueId } : {}) });
const ACTIONS = Object.keys(POLICY) as Action[];

describe("a session opened by an e-mailed link", () => {
  it("may read, decide, comment, sign and download on its own communiqué, and nothing else", () => {
    expect([...LINK_SESSION_ACTIONS].sort()).toEqual(["approval.decide", "approval.status", "comment.add", "communique.view", "revision.view", "signed.download", "signing.sign"]);
    for (const action of ACTIONS) {
      const full = can(head, action, ofMeeting("c-linked"));
      expect(can(linked, action, ofMeeting("c-linked")), action).toBe(LINK_SESSION_ACTIONS.has(action) && full);
    }
  });

  it("may do nothing to another communiqué of the same meeting, or to anything that is not a communiqué", () => {
    for (const action of ACTIONS) {
      expect(can(linked, action, ofMeeting("c-other")), action).toBe(false);
      expect(can(linked, action, ofMeeting()), action).toBe(false);
      expect(can(linked, action), action).toBe(false);
    }
    // The same person signed in with a password still may.
    expect(can(head, "meeting.list")).toBe(true);
    expect(can(head, "communique.view", ofMeeting("c-other"))).toBe(true);
  });

  it("gets nothing from a staff role either: the scope holds whatever the account may do", () => {
    const secretariat: Actor = { ...head, role: "SECRETARIAT", personId: null, linkScope: "c-linked" };
    expect(can(secretariat, "communique.edit", ofMeeting("c-linked"))).toBe(false);
    expect(can(secretariat, "user.manage")).toBe(false);
    expect(can(secretariat, "communique.view", ofMeeting("c-linked"))).toBe(true);
  });
});
