import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { MAX_FAILURES_PER_PAIR } from "@/lib/auth/sign-in-limits";
import { db } from "@/lib/db";
import { approvalActors, eventsOf, GLADKIKH, HONDA, IVANENKO, KALITA, KRAVCHUK, MATSUDA, NAKAHARA, TATAMI, type Actors } from "@/lib/testing/approval-fixtures";
import { refusal } from "@/lib/testing/drafting-fixtures";
import { signAs, signatoryOf, signingCommunique, useSigningDatabase, type MeetingSignatory } from "@/lib/testing/signing-fixtures";
import { SECRETARIAT } from "@/lib/testing/test-db";
import { SIGNING_PASSWORD_FAILURES_PER_HOUR } from "./confirm-password";
import { CODE_ATTEMPTS, CODE_MINUTES, CODES_PER_HOUR, requestSigningCode, useSigningCode } from "./signing-code";

useSigningDatabase();

let as: Actors;
let communiqueId: string;
let hash: string;
let signatories: MeetingSignatory[];

beforeAll(async () => {
  as = await approvalActors();
  ({ communiqueId, hash, signatories } = await signingCommunique(as));
});

/** The code in the latest signing-code mail to this person (what they read on their phone). */
async function mailedCode(actor: Actor): Promise<string> {
  const mail = await db.outboxMail.findFirstOrThrow({ where: { to: actor.email, kind: "signing-code" }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return /^(\d{6})$/m.exec(mail.text)![1]!;
}

const signWithCode = (email: string, code: string, ip = `192.0.2.${randomUUID()}`) =>
  signAs(as[email]!, communiqueId, { signatoryId: signatoryOf(signatories, email).id, hash, code, ip });

const signatureOf = (email: string) => db.signature.findFirst({ where: { communiqueId, signatoryId: signatoryOf(signatories, email).id, withdrawnAt: null } });

describe("signing with a code sent by e-mail", () => {
  it("mails a six-digit code in the signatory's language, not in the subject, valid ten minutes", async () => {
    expect(await requestSigningCode(as[NAKAHARA]!, communiqueId)).toEqual({ sentTo: expect.stringMatching(/^.•••@/), minutes: CODE_MINUTES });
    expect(CODE_MINUTES).toBe(10);
    const mail = await db.outboxMail.findFirstOrThrow({ where: { to: NAKAHARA, kind: "signing-code" }, orderBy: { createdAt: "desc" } });
    const code = await mailedCode(as[NAKAHARA]!);
    expect(mail.locale).toBe("ja");
    expect(mail.subject).not.toContain(code);
    const row = await db.accessToken.findFirstOrThrow({ where: { kind: "SIGNING_CODE", userId: as[NAKAHARA]!.userId, communiqueId }, orderBy: { createdAt: "desc" } });
    expect(row.secretHash).not.toContain(code);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(10 * 60_000);

    await signWithCode(NAKAHARA, code);
    const signature = await signatureOf(NAKAHARA);
    expect(signature).not.toBeNull();
    const event = (await eventsOf(communiqueId, "signature.recorded")).find((e) => (e.data as { signature: string }).signature === signature!.id);
    expect(event!.data).toMatchObject({ confirmedBy: "code" });
    expect((await db.accessToken.findUniqueOrThrow({ where: { id: row.id } })).usedAt).toBeInstanceOf(Date);
  });

  it("refuses a wrong code four times saying how many tries are left, then locks the code", async () => {
    await requestSigningCode(as[KALITA]!, communiqueId);
    const code = await mailedCode(as[KALITA]!);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let left = CODE_ATTEMPTS - 1; left >= 1; left -= 1) {
      const error = await refusal(signWithCode(KALITA, wrong));
      expect(error.code).toBe("WRONG_CODE");
      expect(error.params).toEqual({ left });
    }
    expect((await refusal(signWithCode(KALITA, wrong))).code).toBe("CODE_LOCKED");
    // Even the right code no longer helps: a new one is needed.
    expect((await refusal(signWithCode(KALITA, code))).code).toBe("CODE_LOCKED");
    expect(await signatureOf(KALITA)).toBeNull();
    expect((await eventsOf(communiqueId, "signing.code_locked")).length).toBe(1);

    await requestSigningCode(as[KALITA]!, communiqueId);
    await signWithCode(KALITA, await mailedCode(as[KALITA]!));
    expect(await signatureOf(KALITA)).not.toBeNull();
  });

  it("takes only the latest code, once, and not after ten minutes", async () => {
    await requestSigningCode(as[TATAMI]!, communiqueId);
    const first = await mailedCode(as[TATAMI]!);
    await requestSigningCode(as[TATAMI]!, communiqueId);
    const second = await mailedCode(as[TATAMI]!);
    if (first !== second) expect((await refusal(signWithCode(TATAMI, first))).code).toBe("WRONG_CODE");
    // Past its ten minutes.
    await db.accessToken.updateMany({ where: { kind: "SIGNING_CODE", userId: as[TATAMI]!.userId, usedAt: null, revokedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await refusal(signWithCode(TATAMI, second))).code).toBe("CODE_EXPIRED");
    expect(await signatureOf(TATAMI)).toBeNull();
  });

  it("uses a code up once, however many signings race for it", async () => {
    await requestSigningCode(as[HONDA]!, communiqueId);
    const row = await db.accessToken.findFirstOrThrow({ where: { kind: "SIGNING_CODE", userId: as[HONDA]!.userId, usedAt: null, revokedAt: null } });
    const results = await Promise.allSettled([db.$transaction((tx) => useSigningCode(tx, row.id)), db.$transaction((tx) => useSigningCode(tx, row.id))]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason as { code: string }).code).toBe("CODE_EXPIRED");
  });

  it("refuses a code request from someone who does not sign, and more than five an hour", async () => {
    expect((await refusal(requestSigningCode(as[SECRETARIAT]!, communiqueId))).code).toBe("FORBIDDEN");
    expect((await refusal(requestSigningCode(null, communiqueId))).code).toBe("UNAUTHENTICATED");
    const before = await db.outboxMail.count({ where: { to: MATSUDA, kind: "signing-code" } });
    for (let i = 0; i < CODES_PER_HOUR; i += 1) await requestSigningCode(as[MATSUDA]!, communiqueId);
    expect((await refusal(requestSigningCode(as[MATSUDA]!, communiqueId))).code).toBe("RATE_LIMITED");
    expect(await db.outboxMail.count({ where: { to: MATSUDA, kind: "signing-code" } })).toBe(before + CODES_PER_HOUR);
  });
});

describe("the password typed at signing", () => {
  it("is limited like sign-in: after five wrong ones from an address, that address must wait", async () => {
    const ip = `192.0.2.${randomUUID()}`;
    const signatoryId = signatoryOf(signatories, IVANENKO).id;
    for (let i = 0; i < MAX_FAILURES_PER_PAIR; i += 1) {
      expect((await refusal(signAs(as[IVANENKO]!, communiqueId, { signatoryId, hash, password: "Not-my-password", ip }))).code).toBe("WRONG_PASSWORD");
    }
    const blocked = await refusal(signAs(as[IVANENKO]!, communiqueId, { signatoryId, hash, ip }));
    expect(blocked.code).toBe("RATE_LIMITED");
    expect(await signatureOf(IVANENKO)).toBeNull();
    // The signatory's own other address is not blocked by the guesses.
    await signAs(as[IVANENKO]!, communiqueId, { signatoryId, hash, ip: `192.0.2.${randomUUID()}` });
    expect(await signatureOf(IVANENKO)).not.toBeNull();
  });

  it("is limited per account too: guesses from a stolen session that changes addresses stop after ten", async () => {
    const signatoryId = signatoryOf(signatories, GLADKIKH).id;
    const somewhere = () => `192.0.2.${randomUUID()}`;
    for (let i = 0; i < SIGNING_PASSWORD_FAILURES_PER_HOUR; i += 1) {
      expect((await refusal(signAs(as[GLADKIKH]!, communiqueId, { signatoryId, hash, password: `Guess-${i}`, ip: somewhere() }))).code).toBe("WRONG_PASSWORD");
    }
    const blocked = await refusal(signAs(as[GLADKIKH]!, communiqueId, { signatoryId, hash, ip: somewhere() }));
    expect(blocked.code).toBe("RATE_LIMITED");
    expect(blocked.params.minutes).toBeGreaterThanOrEqual(59);
    expect(await signatureOf(GLADKIKH)).toBeNull();
    // The mailed code still confirms the signatory.
    await requestSigningCode(as[GLADKIKH]!, communiqueId);
    await signWithCode(GLADKIKH, await mailedCode(as[GLADKIKH]!));
    expect(await signatureOf(GLADKIKH)).not.toBeNull();
  });

  it("is refused as NO_PASSWORD for an account that has none (it confirms with a code)", async () => {
    const kravchuk = as[KRAVCHUK]!;
    const saved = await db.user.findUniqueOrThrow({ where: { id: kravchuk.userId }, omit: { passwordHash: false } });
    await db.user.update({ where: { id: kravchuk.userId }, data: { passwordHash: null } });
    try {
      const error = await refusal(signAs(kravchuk, communiqueId, { signatoryId: signatoryOf(signatories, KRAVCHUK).id, hash, password: "Kamchatka-2019" }));
      expect(error.code).toBe("NO_PASSWORD");
    } finally {
      await db.user.update({ where: { id: kravchuk.userId }, data: { passwordHash: saved.passwordHash } });
    }
  });
});
