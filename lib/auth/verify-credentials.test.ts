import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { useTestDatabase } from "@/lib/testing/test-db";
import { hashPassword } from "./password";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS, SIGN_IN_WINDOW_MS } from "./sign-in-limits";
import { verifyCredentials } from "./verify-credentials";

useTestDatabase();

const PASSWORD = "Correct-horse-42";
const DEMO_PASSWORD = "Kamchatka-2019";

// Every test uses its own accounts and addresses: on a shared database other files sign in too.
const uniqueAddress = () => `192.0.2.${randomUUID()}`;

async function makeUser(options: { active?: boolean } = {}) {
  const email = `signin-${randomUUID()}@test.example`;
  const user = await db.user.create({
    data: {
      email,
      displayName: "Sign-in test",
      role: "SECRETARIAT",
      passwordHash: await hashPassword(PASSWORD),
      active: options.active ?? true,
    },
  });
  return { id: user.id, email };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a refusal, but the sign-in succeeded");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function failTimes(times: number, email: string, address: string) {
  for (let i = 0; i < times; i += 1) {
    const error = await refusal(verifyCredentials({ email, password: "wrong-password" }, address));
    expect(error.code).toBe("INVALID_CREDENTIALS");
  }
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

describe("verifyCredentials: checking the password", () => {
  it("returns the user id for the right password", async () => {
    const user = await makeUser();
    await expect(verifyCredentials({ email: user.email, password: PASSWORD }, uniqueAddress())).resolves.toEqual({
      userId: user.id,
    });
  });

  it("accepts a seeded demo account with the demo password", async () => {
    const kalita = await db.user.findUniqueOrThrow({ where: { email: "kalita@blagoveshchensk.example" } });
    const result = await verifyCredentials({ email: kalita.email, password: DEMO_PASSWORD }, uniqueAddress());
    expect(result.userId).toBe(kalita.id);
  });

  it("refuses a wrong password with INVALID_CREDENTIALS", async () => {
    const user = await makeUser();
    const error = await refusal(verifyCredentials({ email: user.email, password: `${PASSWORD}x` }, uniqueAddress()));
    expect(error.code).toBe("INVALID_CREDENTIALS");
  });

  it("refuses an unknown e-mail with the same code as a wrong password", async () => {
    const error = await refusal(
      verifyCredentials({ email: `nobody-${randomUUID()}@test.example`, password: PASSWORD }, uniqueAddress()),
    );
    expect(error.code).toBe("INVALID_CREDENTIALS");
    expect(error.params).toEqual({});
  });

  it("refuses malformed input with INVALID_CREDENTIALS", async () => {
    for (const input of [null, {}, { email: "not-an-email", password: PASSWORD }, { email: "a@test.example", password: "" }]) {
      const error = await refusal(verifyCredentials(input, uniqueAddress()));
      expect(error.code).toBe("INVALID_CREDENTIALS");
    }
  });

  it("treats the e-mail case-insensitively and ignores surrounding spaces", async () => {
    const user = await makeUser();
    const shouted = `  ${user.email.toUpperCase()}\t`;
    await expect(verifyCredentials({ email: shouted, password: PASSWORD }, uniqueAddress())).resolves.toEqual({
      userId: user.id,
    });
  });

  it("does not trim or fold the password", async () => {
    const user = await makeUser();
    for (const password of [` ${PASSWORD}`, PASSWORD.toUpperCase()]) {
      const error = await refusal(verifyCredentials({ email: user.email, password }, uniqueAddress()));
      expect(error.code).toBe("INVALID_CREDENTIALS");
    }
  });

  it("refuses a deactivated account even with the right password", async () => {
    const user = await makeUser({ active: false });
    const error = await refusal(verifyCredentials({ email: user.email, password: PASSWORD }, uniqueAddress()));
    expect(error.code).toBe("INVALID_CREDENTIALS");
  });
});

describe("verifyCredentials: failures per account", () => {
  it("uses a limit of 5 failures per account and 20 per address in 15 minutes", () => {
    expect(MAX_FAILURES_PER_ACCOUNT).toBe(5);
    expect(MAX_FAILURES_PER_ADDRESS).toBe(20);
    expect(SIGN_IN_WINDOW_MS).toBe(15 * 60_000);
  });

  it("still lets the right password in after 4 failures", async () => {
    const user = await makeUser();
    await failTimes(4, user.email, uniqueAddress());
    await expect(verifyCredentials({ email: user.email, password: PASSWORD }, uniqueAddress())).resolves.toEqual({
      userId: user.id,
    });
  });

  it("refuses even the right password with RATE_LIMITED after 5 failures, from any address", async () => {
    const user = await makeUser();
    const address = uniqueAddress();
    await failTimes(5, user.email, address);

    for (const from of [address, uniqueAddress()]) {
      const error = await refusal(verifyCredentials({ email: user.email, password: PASSWORD }, from));
      expect(error.code).toBe("RATE_LIMITED");
      expect(error.params.minutes).toBeGreaterThanOrEqual(1);
      expect(error.params.minutes).toBeLessThanOrEqual(15);
    }
    // The lock is on the e-mail, whatever its spelling.
    const error = await refusal(verifyCredentials({ email: ` ${user.email.toUpperCase()}`, password: PASSWORD }, uniqueAddress()));
    expect(error.code).toBe("RATE_LIMITED");
  });

  it("keeps another account working from another address while one account is locked", async () => {
    const locked = await makeUser();
    const other = await makeUser();
    await failTimes(5, locked.email, uniqueAddress());
    expect((await refusal(verifyCredentials({ email: locked.email, password: PASSWORD }, uniqueAddress()))).code).toBe(
      "RATE_LIMITED",
    );
    await expect(verifyCredentials({ email: other.email, password: PASSWORD }, uniqueAddress())).resolves.toEqual({
      userId: other.id,
    });
  });

  it("counts failures for an unknown e-mail too", async () => {
    const email = `nobody-${randomUUID()}@test.example`;
    await failTimes(5, email, uniqueAddress());
    const error = await refusal(verifyCredentials({ email, password: PASSWORD }, uniqueAddress()));
    expect(error.code).toBe("RATE_LIMITED");
  });

  it("reports the minutes until the oldest counted failure leaves the window", async () => {
    const user = await makeUser();
    await db.signInFailure.createMany({
      data: Array.from({ length: 5 }, () => ({ key: `account:${user.email}`, createdAt: minutesAgo(10) })),
    });
    const error = await refusal(verifyCredentials({ email: user.email, password: PASSWORD }, uniqueAddress()));
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.params.minutes).toBe(5);
  });

  it("clears the account's failures on a successful sign-in", async () => {
    const user = await makeUser();
    const address = uniqueAddress();
    await failTimes(4, user.email, address);
    await verifyCredentials({ email: user.email, password: PASSWORD }, address);
    expect(await db.signInFailure.count({ where: { key: `account:${user.email}` } })).toBe(0);

    // Without the reset these would make 8 failures in the window, and the account would be locked.
    await failTimes(4, user.email, address);
    await expect(verifyCredentials({ email: user.email, password: PASSWORD }, address)).resolves.toEqual({
      userId: user.id,
    });
  });

  it("does not clear the address's failures on a successful sign-in", async () => {
    const user = await makeUser();
    const address = uniqueAddress();
    await failTimes(3, user.email, address);
    await verifyCredentials({ email: user.email, password: PASSWORD }, address);
    expect(await db.signInFailure.count({ where: { key: `address:${address}` } })).toBe(3);
  });
});

describe("verifyCredentials: failures per address", () => {
  it("refuses a third account from an address with 20 recent failures, but not from another address", async () => {
    const address = uniqueAddress();
    const firstVictims = [await makeUser(), await makeUser()];
    const third = await makeUser();

    // 19 failures spread over accounts so that no account reaches its own limit.
    const targets = [...firstVictims.map((u) => u.email), `nobody-${randomUUID()}@test.example`, `nobody-${randomUUID()}@test.example`];
    for (let i = 0; i < 19; i += 1) await failTimes(1, targets[i % targets.length]!, address);

    // 19 are not enough to lock the address.
    await expect(verifyCredentials({ email: third.email, password: PASSWORD }, address)).resolves.toEqual({
      userId: third.id,
    });

    await failTimes(1, `nobody-${randomUUID()}@test.example`, address);
    const fresh = await makeUser();
    for (const email of [third.email, fresh.email]) {
      const error = await refusal(verifyCredentials({ email, password: PASSWORD }, address));
      expect(error.code).toBe("RATE_LIMITED");
      expect(error.params.minutes).toBeGreaterThanOrEqual(1);
      expect(error.params.minutes).toBeLessThanOrEqual(15);
    }

    await expect(verifyCredentials({ email: fresh.email, password: PASSWORD }, uniqueAddress())).resolves.toEqual({
      userId: fresh.id,
    });
  });
});

describe("verifyCredentials: the 15-minute window", () => {
  it("stores failures under the keys the old rows below use", async () => {
    const email = `nobody-${randomUUID()}@test.example`;
    const address = uniqueAddress();
    await failTimes(1, email, address);
    expect(await db.signInFailure.count({ where: { key: `account:${email}` } })).toBe(1);
    expect(await db.signInFailure.count({ where: { key: `address:${address}` } })).toBe(1);
  });

  it("ignores account failures older than the window", async () => {
    const user = await makeUser();
    await db.signInFailure.createMany({
      data: Array.from({ length: 10 }, (_, i) => ({ key: `account:${user.email}`, createdAt: minutesAgo(16 + i) })),
    });
    // Plus 4 recent ones: still below the limit once the old ones are left out.
    await failTimes(4, user.email, uniqueAddress());
    await expect(verifyCredentials({ email: user.email, password: PASSWORD }, uniqueAddress())).resolves.toEqual({
      userId: user.id,
    });
  });

  it("ignores address failures older than the window", async () => {
    const user = await makeUser();
    const address = uniqueAddress();
    for (let i = 0; i < 30; i += 1) {
      await db.signInFailure.create({ data: { key: `address:${address}`, createdAt: minutesAgo(15.5 + i) } });
    }
    await expect(verifyCredentials({ email: user.email, password: PASSWORD }, address)).resolves.toEqual({
      userId: user.id,
    });
  });

  it("counts failures just inside the window", async () => {
    const user = await makeUser();
    const address = uniqueAddress();
    for (let i = 0; i < 20; i += 1) {
      await db.signInFailure.create({ data: { key: `address:${address}`, createdAt: minutesAgo(14) } });
    }
    const error = await refusal(verifyCredentials({ email: user.email, password: PASSWORD }, address));
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.params.minutes).toBe(1);
  });
});
