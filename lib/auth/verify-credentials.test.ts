import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { useTestDatabase } from "@/lib/testing/test-db";
import { hashPassword } from "./password";
import {
  ADDRESS_WINDOW_MS,
  MAX_FAILURES_PER_ADDRESS,
  MAX_FAILURES_PER_PAIR,
  PAIR_WINDOW_MS,
  recordSignInFailure,
  signInBlockedFor,
} from "./sign-in-limits";
import { verifyCredentials } from "./verify-credentials";

useTestDatabase();

const PASSWORD = "Correct-horse-42";
const DEMO_PASSWORD = "Kamchatka-2019";
const MINUTE = 60_000;

// Every test uses its own accounts and addresses: on a shared database other files sign in too.
const hex = () => randomUUID().replaceAll("-", "");
/** An IPv6 address of the documentation range that no other test uses. */
const uniqueAddress = () => `2001:db8:${hex().slice(0, 24).match(/.{4}/g)!.join(":")}`;
const unknownEmail = () => `nobody-${hex()}@test.example`;

async function makeUser(options: { active?: boolean; password?: string | null } = {}) {
  const email = `signin-${hex()}@test.example`;
  const password = options.password === undefined ? PASSWORD : options.password;
  const user = await db.user.create({
    data: {
      email,
      displayName: "Sign-in test",
      role: "SECRETARIAT",
      passwordHash: password === null ? null : await hashPassword(password),
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

const signsIn = (user: { id: string; email: string }, address: string) =>
  expect(verifyCredentials({ email: user.email, password: PASSWORD }, address)).resolves.toEqual({ userId: user.id });

async function rateLimited(email: string, address: string): Promise<number> {
  const error = await refusal(verifyCredentials({ email, password: PASSWORD }, address));
  expect(error.code).toBe("RATE_LIMITED");
  return error.params.minutes as number;
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * MINUTE);
const later = (ms: number) => new Date(Date.now() + ms);

/** Moves every failure recorded so far whose key names `who` (an e-mail or an address) back in time. */
async function backdate(who: string, minutes: number) {
  await db.signInFailure.updateMany({ where: { key: { contains: who } }, data: { createdAt: minutesAgo(minutes) } });
}

describe("verifyCredentials: checking the password", () => {
  it("returns the user id for the right password", async () => {
    await signsIn(await makeUser(), uniqueAddress());
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
    const error = await refusal(verifyCredentials({ email: unknownEmail(), password: PASSWORD }, uniqueAddress()));
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
    await expect(verifyCredentials({ email: `  ${user.email.toUpperCase()}\t`, password: PASSWORD }, uniqueAddress())).resolves.toEqual({
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

  it("refuses an account without a password yet (invited) like a wrong password, and counts the failure", async () => {
    const invited = await makeUser({ password: null });
    const address = uniqueAddress();
    // The last one is what unknown accounts are checked against: it must not open one either.
    for (const password of [PASSWORD, "x", "not-a-real-password"]) {
      const error = await refusal(verifyCredentials({ email: invited.email, password }, address));
      expect(error.code).toBe("INVALID_CREDENTIALS");
      expect(error.params).toEqual({});
    }
    await failTimes(MAX_FAILURES_PER_PAIR - 3, invited.email, address);
    expect(await rateLimited(invited.email, address)).toBe(1);
  });
});

describe("verifyCredentials: the same work whatever the account", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  const costs = (compare: { mock: { calls: unknown[][] } }) => compare.mock.calls.map(([, hash]) => bcrypt.getRounds(hash as string));

  it("checks an unknown e-mail and an account without a password against a hash as costly as a real one", async () => {
    const user = await makeUser();
    const invited = await makeUser({ password: null });
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    const compare = vi.spyOn(bcrypt, "compare");
    for (const email of [user.email, invited.email, unknownEmail()]) {
      await refusal(verifyCredentials({ email, password: "wrong-password" }, uniqueAddress()));
    }
    const realCost = bcrypt.getRounds(passwordHash!);
    expect(costs(compare)).toEqual([realCost, realCost, realCost]);
  });

  it("makes the stand-in hash at the configured cost, on first use rather than on import, and once", async () => {
    // Another cost than the suite's: a stand-in with a fixed cost of its own cannot pass.
    vi.stubEnv("BCRYPT_COST", "5");
    vi.resetModules();
    const hash = vi.spyOn(bcrypt, "hash");
    const hashSync = vi.spyOn(bcrypt, "hashSync");
    const compare = vi.spyOn(bcrypt, "compare");
    const password = await import("./password");
    expect(hash).not.toHaveBeenCalled();
    expect(hashSync).not.toHaveBeenCalled();

    await expect(password.burnPasswordCheck("a guess")).resolves.toBe(false);
    await expect(password.checkPassword("not-a-real-password", null)).resolves.toBe(false);
    expect(hash).toHaveBeenCalledTimes(1);
    expect(costs(compare)).toEqual([5, 5]);
    expect(bcrypt.getRounds(await password.hashPassword(PASSWORD))).toBe(5);
  });
});

describe("verifyCredentials: failures per account and address", () => {
  it("uses 5 failures per account and address, 20 per address in 15 minutes", () => {
    expect(MAX_FAILURES_PER_PAIR).toBe(5);
    expect(MAX_FAILURES_PER_ADDRESS).toBe(20);
    expect(ADDRESS_WINDOW_MS).toBe(15 * MINUTE);
  });

  it("20 failures for the owner's e-mail from 20 different addresses do not stop the owner from signing in from their own address", async () => {
    const owner = await makeUser();
    for (let i = 0; i < 20; i += 1) await failTimes(1, owner.email, uniqueAddress());
    await signsIn(owner, uniqueAddress());
  });

  it("5 failures from one address for one account: that pair is refused with minutes ≥ 1, the same account from another address gets in", async () => {
    const owner = await makeUser();
    const attacker = uniqueAddress();
    await failTimes(MAX_FAILURES_PER_PAIR - 1, owner.email, attacker);
    // 4 are not enough: the right password still gets in (and clears the pair).
    await signsIn(owner, attacker);

    await failTimes(MAX_FAILURES_PER_PAIR, owner.email, attacker);
    const minutes = await rateLimited(owner.email, attacker);
    expect(minutes).toBeGreaterThanOrEqual(1);
    // The pair is on the e-mail, whatever its spelling.
    expect(await rateLimited(` ${owner.email.toUpperCase()}`, attacker)).toBe(minutes);

    await signsIn(owner, uniqueAddress());
    // The owner's success elsewhere does not free the attacker's pair…
    expect(await rateLimited(owner.email, attacker)).toBeGreaterThanOrEqual(1);
    // …and the attacker's address may still try other accounts (it has 5 failures, not 20).
    await signsIn(await makeUser(), attacker);
  });

  it("limits an unknown e-mail's pair as well, and only that pair", async () => {
    const email = unknownEmail();
    const address = uniqueAddress();
    await failTimes(MAX_FAILURES_PER_PAIR, email, address);
    expect(await rateLimited(email, address)).toBeGreaterThanOrEqual(1);
    const elsewhere = await refusal(verifyCredentials({ email, password: PASSWORD }, uniqueAddress()));
    expect(elsewhere.code).toBe("INVALID_CREDENTIALS");
  });

  it("clears the pair's failures on a successful sign-in, not those of the owner's other addresses", async () => {
    const user = await makeUser();
    const home = uniqueAddress();
    const office = uniqueAddress();
    await failTimes(4, user.email, home);
    await failTimes(4, user.email, office);
    await signsIn(user, home);

    // Without the reset these would make 8 failures for the pair, and it would wait.
    await failTimes(4, user.email, home);
    await signsIn(user, home);
    // The office's 4 stay: one more and the office waits.
    await failTimes(1, user.email, office);
    expect(await rateLimited(user.email, office)).toBe(1);
  });

  it("does not clear the address's failures on a successful sign-in", async () => {
    const user = await makeUser();
    const address = uniqueAddress();
    await failTimes(4, user.email, address);
    await signsIn(user, address);
    // 16 more, 4 per account so that no pair waits: with the first 4, the address has 20.
    for (let i = 0; i < 4; i += 1) await failTimes(4, unknownEmail(), address);
    expect(await rateLimited((await makeUser()).email, address)).toBeGreaterThanOrEqual(1);
  });

  it("refuses every account from an address with 20 recent failures, but not from another address", async () => {
    const address = uniqueAddress();
    const third = await makeUser();
    // 19 failures spread over accounts so that no pair reaches its own limit.
    const targets = [(await makeUser()).email, (await makeUser()).email, unknownEmail(), unknownEmail(), unknownEmail()];
    for (let i = 0; i < 19; i += 1) await failTimes(1, targets[i % targets.length]!, address);
    // 19 are not enough to stop the address.
    await signsIn(third, address);

    await failTimes(1, unknownEmail(), address);
    const fresh = await makeUser();
    for (const email of [third.email, fresh.email]) {
      const minutes = await rateLimited(email, address);
      expect(minutes).toBeGreaterThanOrEqual(1);
      expect(minutes).toBeLessThanOrEqual(15);
    }
    await signsIn(fresh, uniqueAddress());
  });
});

describe("verifyCredentials: a pair waits longer after each further failure", () => {
  it("waits 1, 2, 4, 8… minutes after the last failure, at most an hour", async () => {
    const email = unknownEmail();
    const address = uniqueAddress();
    for (let i = 0; i < MAX_FAILURES_PER_PAIR - 1; i += 1) await recordSignInFailure(email, address);
    expect(await signInBlockedFor(email, address)).toBe(0);
    const waits: number[] = [];
    for (let failures = MAX_FAILURES_PER_PAIR; failures <= 12; failures += 1) {
      await recordSignInFailure(email, address);
      const minutes = await signInBlockedFor(email, address);
      waits.push(minutes);
      // Counted from the last failure: not over a few seconds early, over a few seconds late.
      expect(await signInBlockedFor(email, address, later(minutes * MINUTE - 5_000))).toBe(1);
      expect(await signInBlockedFor(email, address, later(minutes * MINUTE + 5_000))).toBe(0);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
  });

  it("lets the pair try again once the wait is over, and waits longer after its next failure", async () => {
    const user = await makeUser();
    const address = uniqueAddress();
    await failTimes(MAX_FAILURES_PER_PAIR, user.email, address);
    expect(await rateLimited(user.email, address)).toBe(1);

    await backdate(user.email, 2); // the minute is over
    await failTimes(1, user.email, address);
    expect(await rateLimited(user.email, address)).toBe(2);
    await backdate(user.email, 3);
    await signsIn(user, address);
  });
});

describe("verifyCredentials: the windows", () => {
  it("keeps a pair's failures for a day: old ones still lengthen the wait after a new failure", async () => {
    const user = await makeUser();
    const address = uniqueAddress();
    await failTimes(MAX_FAILURES_PER_PAIR, user.email, address);
    await backdate(user.email, PAIR_WINDOW_MS / MINUTE - 10);
    expect(await signInBlockedFor(user.email, address)).toBe(0); // their wait is long over…
    await failTimes(1, user.email, address);
    expect(await rateLimited(user.email, address)).toBe(2); // …but they still count
  });

  it("forgets a pair's failures older than the window", async () => {
    const user = await makeUser();
    const address = uniqueAddress();
    await failTimes(MAX_FAILURES_PER_PAIR, user.email, address);
    await backdate(user.email, PAIR_WINDOW_MS / MINUTE + 1);
    await failTimes(1, user.email, address);
    await signsIn(user, address);
  });

  it("ignores address failures older than 15 minutes", async () => {
    const user = await makeUser();
    const address = uniqueAddress();
    for (let i = 0; i < 5; i += 1) await failTimes(4, unknownEmail(), address);
    await backdate(address, ADDRESS_WINDOW_MS / MINUTE + 0.5);
    await signsIn(user, address);
  });

  it("counts address failures just inside the window, until the oldest counted one leaves it", async () => {
    const user = await makeUser();
    const address = uniqueAddress();
    for (let i = 0; i < 5; i += 1) await failTimes(4, unknownEmail(), address);
    await backdate(address, ADDRESS_WINDOW_MS / MINUTE - 1);
    expect(await rateLimited(user.email, address)).toBe(1);
    expect(await signInBlockedFor(user.email, address, later(2 * MINUTE))).toBe(0);
  });
});
