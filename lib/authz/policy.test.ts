import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { assertCan, can, POLICY, type Action, type MeetingSubject } from "./index";

const ROLES: Role[] = ["ADMIN", "SECRETARIAT", "DELEGATE"];

/**
 * The expected policy, written out by hand: any change to the POLICY table must change this
 * table too. "takesPart" means: allowed only when the actor's person takes part in the subject.
 */
const EXPECTED: Record<Action, Record<Role, boolean | "takesPart">> = {
  "user.manage": { ADMIN: true, SECRETARIAT: false, DELEGATE: false },
  "meeting.list": { ADMIN: true, SECRETARIAT: true, DELEGATE: true },
  "meeting.view": { ADMIN: true, SECRETARIAT: true, DELEGATE: "takesPart" },
  "meeting.create": { ADMIN: false, SECRETARIAT: true, DELEGATE: false },
  "meeting.edit": { ADMIN: false, SECRETARIAT: true, DELEGATE: false },
  "directory.view": { ADMIN: true, SECRETARIAT: true, DELEGATE: false },
  "directory.edit": { ADMIN: true, SECRETARIAT: true, DELEGATE: false },
  "profile.update": { ADMIN: true, SECRETARIAT: true, DELEGATE: true },
  "communique.view": { ADMIN: true, SECRETARIAT: true, DELEGATE: "takesPart" },
  "communique.create": { ADMIN: false, SECRETARIAT: true, DELEGATE: false },
  "communique.edit": { ADMIN: false, SECRETARIAT: true, DELEGATE: false },
  "communique.submit": { ADMIN: false, SECRETARIAT: true, DELEGATE: false },
  "revision.create": { ADMIN: false, SECRETARIAT: true, DELEGATE: false },
  "revision.view": { ADMIN: true, SECRETARIAT: true, DELEGATE: "takesPart" },
  "library.view": { ADMIN: false, SECRETARIAT: true, DELEGATE: false },
  "library.edit": { ADMIN: false, SECRETARIAT: true, DELEGATE: false },
  "approval.route": { ADMIN: false, SECRETARIAT: true, DELEGATE: false },
  "approval.remind": { ADMIN: false, SECRETARIAT: true, DELEGATE: false },
  "approval.decide": { ADMIN: false, SECRETARIAT: false, DELEGATE: "takesPart" },
  "approval.status": { ADMIN: true, SECRETARIAT: true, DELEGATE: "takesPart" },
  "comment.add": { ADMIN: false, SECRETARIAT: true, DELEGATE: "takesPart" },
  "comment.resolve": { ADMIN: false, SECRETARIAT: true, DELEGATE: false },
  "outbox.view": { ADMIN: true, SECRETARIAT: true, DELEGATE: false },
  "signing.open": { ADMIN: false, SECRETARIAT: true, DELEGATE: false },
  "signing.withdraw": { ADMIN: false, SECRETARIAT: true, DELEGATE: false },
  "signing.sign": { ADMIN: false, SECRETARIAT: false, DELEGATE: "takesPart" },
  "signed.download": { ADMIN: true, SECRETARIAT: true, DELEGATE: "takesPart" },
};

const ACTIONS = Object.keys(EXPECTED) as Action[];

function actor(role: Role, personId: string | null = null): Actor {
  return { userId: `user-${role}`, email: `${role.toLowerCase()}@test.example`, displayName: role, role, locale: "ru", personId };
}

const subjectWith = (...people: string[]): MeetingSubject => ({ meetingPeople: new Set(people) });

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to throw");
}

describe("POLICY table", () => {
  it("has exactly the expected actions", () => {
    expect(Object.keys(POLICY).sort()).toEqual([...ACTIONS].sort());
  });

  it("has a rule for exactly the three roles in every action", () => {
    for (const action of ACTIONS) {
      expect(Object.keys(POLICY[action]).sort(), action).toEqual([...ROLES].sort());
    }
  });

  describe.each(ACTIONS)("%s", (action) => {
    it.each(ROLES)("gives %s the expected answer", (role) => {
      const expected = EXPECTED[action][role];
      const rule = POLICY[action][role];
      if (expected === "takesPart") {
        expect(typeof rule).toBe("function");
        expect(can(actor(role, "p1"), action, subjectWith("p1"))).toBe(true);
        expect(can(actor(role, "p1"), action, subjectWith("p2"))).toBe(false);
      } else {
        expect(rule).toBe(expected);
        // A fixed rule does not depend on the subject or on the actor's person.
        expect(can(actor(role), action)).toBe(expected);
        expect(can(actor(role, "p1"), action, subjectWith("p1"))).toBe(expected);
        expect(can(actor(role, "p1"), action, subjectWith("p2"))).toBe(expected);
      }
    });
  });
});

describe("takesPart rule (a delegate viewing a meeting)", () => {
  it("allows a delegate whose person is among the subject's people", () => {
    expect(can(actor("DELEGATE", "p2"), "meeting.view", subjectWith("p1", "p2", "p3"))).toBe(true);
  });

  it("refuses a delegate whose person is not among the subject's people", () => {
    expect(can(actor("DELEGATE", "p9"), "meeting.view", subjectWith("p1", "p2", "p3"))).toBe(false);
  });

  it("refuses a delegate without a person, even for a subject that lists people", () => {
    expect(can(actor("DELEGATE", null), "meeting.view", subjectWith("p1"))).toBe(false);
  });

  it("refuses a delegate when no subject is given (nobody takes part)", () => {
    expect(can(actor("DELEGATE", "p1"), "meeting.view")).toBe(false);
  });
});

describe("unknown actions and roles", () => {
  it("refuses an action missing from the table, for every role", () => {
    for (const role of ROLES) {
      expect(can(actor(role, "p1"), "meeting.delete" as Action, subjectWith("p1"))).toBe(false);
    }
  });

  it("refuses a role missing from the table, for every action", () => {
    const guest = { ...actor("ADMIN", "p1"), role: "GUEST" as Role };
    for (const action of ACTIONS) {
      expect(can(guest, action, subjectWith("p1")), action).toBe(false);
    }
  });

  it("refuses an action named like an inherited object property", () => {
    expect(can(actor("ADMIN"), "toString" as Action)).toBe(false);
  });
});

describe("can and assertCan without an actor", () => {
  it("can() answers false for every action", () => {
    for (const action of ACTIONS) expect(can(null, action)).toBe(false);
  });

  it("assertCan(null, …) throws AppError UNAUTHENTICATED", () => {
    const error = thrown(() => assertCan(null, "meeting.list"));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("UNAUTHENTICATED");
  });
});

describe("assertCan with an actor", () => {
  it("returns quietly when the policy allows", () => {
    expect(() => assertCan(actor("ADMIN"), "user.manage")).not.toThrow();
    expect(() => assertCan(actor("DELEGATE", "p1"), "meeting.view", subjectWith("p1"))).not.toThrow();
  });

  it("throws AppError FORBIDDEN when the policy refuses", () => {
    const error = thrown(() => assertCan(actor("SECRETARIAT"), "user.manage"));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("FORBIDDEN");
  });

  it("throws FORBIDDEN for a delegate who does not take part", () => {
    const error = thrown(() => assertCan(actor("DELEGATE", "p9"), "meeting.view", subjectWith("p1")));
    expect((error as AppError).code).toBe("FORBIDDEN");
  });
});
