import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/db/generated/client";
import { AUDIT_SUBJECTS, isAuditAction, type AuditAction } from "./audit-events";
import { ACCOUNT_SUBJECTS } from "./events/account-events";
import { APPROVAL_SUBJECTS } from "./events/approval-events";
import { DIRECTORY_SUBJECTS } from "./events/directory-events";
import { DRAFTING_SUBJECTS } from "./events/drafting-events";
import { MEETING_SUBJECTS } from "./events/meeting-events";
import { SIGNING_SUBJECTS } from "./events/signing-events";
import type { AuditInput } from "./record-event";

const ACTIONS = Object.keys(AUDIT_SUBJECTS);
const GROUPS = { DRAFTING_SUBJECTS, APPROVAL_SUBJECTS, SIGNING_SUBJECTS, ACCOUNT_SUBJECTS, MEETING_SUBJECTS, DIRECTORY_SUBJECTS };

/** What `recordEvent` accepts, without a database: the compiler's verdict is the test. */
const input = <A extends AuditAction>(event: AuditInput<A>) => event;

describe("the audit actions", () => {
  it("are each defined in one group only: the combined table would silently keep one of two", () => {
    const names = Object.values(GROUPS).flatMap((group) => Object.keys(group));
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    expect(ACTIONS).toHaveLength(names.length);
  });

  it("are named \"thing.verb\" in lower case", () => {
    expect(ACTIONS.filter((action) => !/^[a-z]+\.[a-z]+([_-][a-z]+)*$/.test(action))).toEqual([]);
  });

  it("each have a table of the database as their subject: the subject id is a row of it", () => {
    const tables = new Set<string>(Object.values(Prisma.ModelName));
    expect(Object.entries(AUDIT_SUBJECTS).filter(([, subject]) => !tables.has(subject))).toEqual([]);
  });

  it("are told apart from other strings, including names of inherited object keys", () => {
    expect(isAuditAction("signature.recorded")).toBe(true);
    expect(isAuditAction("test.step")).toBe(false);
    expect(isAuditAction("toString")).toBe(false);
    expect(isAuditAction("")).toBe(false);
  });
});

describe("what recordEvent accepts", () => {
  const base = { actorUserId: null, subjectId: "c1" } as const;

  it("takes an action with its own data and subject", () => {
    const event = input({ ...base, action: "comment.resolved", subjectType: "Communique", data: { comment: "k1" } });
    expect(event.data).toEqual({ comment: "k1" });
    input({ ...base, action: "city.retired", subjectType: "City", data: {} });
    input({ ...base, action: "comment.added", subjectType: "Communique", data: { comment: "k", revisionId: "r", blockId: "b", lang: "ja", reply: false } });
  });

  it("refuses, at compile time, an unknown action, foreign data, and the wrong subject", () => {
    // @ts-expect-error an action no use case writes
    input({ ...base, action: "comment.edited", subjectType: "Communique", data: { comment: "k1" } });
    // @ts-expect-error the data of another action
    input({ ...base, action: "comment.resolved", subjectType: "Communique", data: { clause: "k1" } });
    // @ts-expect-error a field the action does not record
    input({ ...base, action: "comment.resolved", subjectType: "Communique", data: { comment: "k1", body: "text" } });
    // @ts-expect-error a field missing
    input({ ...base, action: "clause.moved", subjectType: "Communique", data: { clause: "k1", from: 0 } });
    // @ts-expect-error a field of the wrong type
    input({ ...base, action: "clause.moved", subjectType: "Communique", data: { clause: "k1", from: 0, to: "1" } });
    // @ts-expect-error a value outside the field's values
    input({ ...base, action: "clause.translation-confirmed", subjectType: "Communique", data: { clause: "k1", lang: "en" } });
    // @ts-expect-error data left out
    input({ ...base, action: "city.retired", subjectType: "City" });
    // @ts-expect-error data where the action has none
    input({ ...base, action: "city.retired", subjectType: "City", data: { reason: "merged" } });
    // @ts-expect-error a comment is an event of the communiqué, not of the user
    input({ ...base, action: "comment.resolved", subjectType: "User", data: { comment: "k1" } });
    // @ts-expect-error a subject that is no table of the trail
    input({ ...base, action: "comment.resolved", subjectType: "Test", data: { comment: "k1" } });
  });
});
