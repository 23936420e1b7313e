import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { refusal } from "@/lib/testing/drafting-fixtures";
import { useApprovalDatabase } from "@/lib/testing/approval-fixtures";
import { actorFor, ADMIN, SECRETARIAT } from "@/lib/testing/test-db";
import { requestAccount } from "./request-account";

useApprovalDatabase();

let secretariat: Actor;
let adminEmail: string;

beforeAll(async () => {
  secretariat = await actorFor(SECRETARIAT);
  adminEmail = ADMIN;
});

async function newPerson(email: string | null) {
  const tag = randomUUID().slice(0, 8);
  return db.person.create({ data: { side: "RU", nameRu: `Шестаков ${tag}`, nameJa: `シェスタコフ${tag}`, email } });
}

const requestsTo = (to: string, name: string) => db.outboxMail.findMany({ where: { to, kind: "account-requested", text: { contains: name } } });

describe("requestAccount", () => {
  it("mails every administrator in their language, naming the person, their e-mail and the meeting, and records it", async () => {
    const person = await newPerson(`shestakov-${randomUUID()}@vladivostok.example`);
    const xxvii = await db.meeting.findUniqueOrThrow({ where: { number: 27 } });
    const { notified } = await requestAccount(secretariat, { personId: person.id, meetingId: xxvii.id });
    expect(notified).toBeGreaterThanOrEqual(1);
    const [mail] = await requestsTo(adminEmail, person.nameRu);
    expect(mail).toMatchObject({ locale: "en" });
    expect(mail!.subject).toContain(person.nameRu);
    expect(mail!.subject).toContain("XXVII");
    expect(mail!.text).toContain(person.email!);
    expect(mail!.text).toMatch(/\/admin\/users/);
    const event = await db.auditEvent.findFirstOrThrow({ where: { subjectId: person.id, action: "person.account-requested" } });
    expect(event).toMatchObject({ actorUserId: secretariat.userId, data: { meeting: xxvii.id } });
  });

  it("refuses a person without an e-mail, or who has an account, and sends nothing", async () => {
    const withoutEmail = await newPerson(null);
    expect((await refusal(requestAccount(secretariat, { personId: withoutEmail.id }))).code).toBe("ACCOUNT_NOT_REQUESTABLE");
    const kalita = await db.person.findFirstOrThrow({ where: { email: "kalita@blagoveshchensk.example" } });
    expect((await refusal(requestAccount(secretariat, { personId: kalita.id }))).code).toBe("ACCOUNT_NOT_REQUESTABLE");
    expect(await db.outboxMail.count({ where: { kind: "account-requested", text: { contains: withoutEmail.nameRu } } })).toBe(0);
  });

  it("refuses a delegate, and an unknown person or meeting", async () => {
    const person = await newPerson(`x-${randomUUID()}@test.example`);
    expect((await refusal(requestAccount(await actorFor("nakahara@niigata.example"), { personId: person.id }))).code).toBe("FORBIDDEN");
    expect((await refusal(requestAccount(secretariat, { personId: "nobody" }))).code).toBe("NOT_FOUND");
    expect((await refusal(requestAccount(secretariat, { personId: person.id, meetingId: "no-such-meeting" }))).code).toBe("NOT_FOUND");
    expect(await db.outboxMail.count({ where: { kind: "account-requested", text: { contains: person.nameRu } } })).toBe(0);
  });
});
