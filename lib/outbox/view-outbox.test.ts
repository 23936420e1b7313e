import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { issueLinkToken } from "@/lib/auth/access-tokens";
import { db } from "@/lib/db";
import { actorFor, SECRETARIAT, useTestDatabase } from "@/lib/testing/test-db";
import { viewOutbox } from "./view-outbox";

useTestDatabase();

describe("the outbox page", () => {
  it("shows a head's approval request without the personal link that would sign its reader in as the head", async () => {
    const head = await db.user.findUniqueOrThrow({ where: { email: "kalita@blagoveshchensk.example" } });
    const { token } = await db.$transaction((tx) => issueLinkToken(tx, { kind: "SIGN_IN_LINK", userId: head.id, communiqueId: "c-outbox", path: "/communiques/c-outbox/review" }));
    const marker = `outbox-${randomUUID()}`;
    await db.outboxMail.create({ data: { to: head.email, kind: "approval-requested", locale: "ru", subject: marker, text: `Пожалуйста:\nhttp://localhost:3000/l/${token}\n` } });
    const shown = (await viewOutbox(await actorFor(SECRETARIAT))).find((m) => m.subject === marker)!;
    expect(shown.text).toBe("Пожалуйста:\nhttp://localhost:3000/l/•••\n");
    expect(shown.text).not.toContain(token);
  });
});
