import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { approvalActors, eventsOf, mailsOf, statusOf, type Actors } from "@/lib/testing/approval-fixtures";
import { refusal } from "@/lib/testing/drafting-fixtures";
import {
  mixedMethod,
  recordSignatureRow,
  sha256,
  signAs,
  signingCommunique,
  useSigningDatabase,
  type MeetingSignatory,
} from "@/lib/testing/signing-fixtures";
import { finaliseCommunique } from "./finalise";

useSigningDatabase();

let as: Actors;

beforeAll(async () => {
  as = await approvalActors();
});

const finals = (communiqueId: string) => db.finalDocument.findMany({ where: { communiqueId } });

/** What a finalisation leaves behind, for comparing runs. */
async function outcomeOf(communiqueId: string) {
  return {
    status: await statusOf(communiqueId),
    finals: (await finals(communiqueId)).length,
    signedEvents: (await eventsOf(communiqueId, "communique.signed")).length,
    signedMails: (await mailsOf(communiqueId, "communique-signed")).length,
  };
}

/** A communiqué in SIGNING whose eight signatures are all recorded, without finalisation having run. */
async function fullySigned(options: { throughUseCase?: number } = {}) {
  const c = await signingCommunique(as);
  const viaUseCase = options.throughUseCase ?? 0;
  for (const [n, s] of c.signatories.entries()) {
    if (n < viaUseCase) {
      const { method, image } = mixedMethod(n);
      const result = await signAs(as[s.email]!, c.communiqueId, { signatoryId: s.id, hash: c.hash, method, ...(image ? { image } : {}) });
      expect(result.complete).toBe(false);
    } else {
      await recordSignatureRow(c.communiqueId, s, c.hash);
    }
  }
  expect(await db.signature.count({ where: { communiqueId: c.communiqueId } })).toBe(8);
  expect(await outcomeOf(c.communiqueId)).toEqual({ status: "SIGNING", finals: 0, signedEvents: 0, signedMails: 0 });
  return c;
}

describe("a finalisation interrupted before storing, then run again", () => {
  let communiqueId: string;
  let signatories: MeetingSignatory[];
  let hash: string;
  let stored: string;

  beforeAll(async () => {
    const c = await signingCommunique(as);
    ({ communiqueId, signatories, hash } = c);
    // Seven sign through the use case; the eighth signature is stored directly, so that
    // finalisation does not start on its own.
    for (const [n, s] of signatories.slice(0, 7).entries()) {
      const { method, image } = mixedMethod(n);
      await signAs(as[s.email]!, communiqueId, { signatoryId: s.id, hash, method, ...(image ? { image } : {}) });
    }
  });

  it("is refused with seven of eight signatures (NOT_ALLOWED_NOW), storing nothing", async () => {
    expect((await refusal(finaliseCommunique(communiqueId))).code).toBe("NOT_ALLOWED_NOW");
    expect(await outcomeOf(communiqueId)).toEqual({ status: "SIGNING", finals: 0, signedEvents: 0, signedMails: 0 });
  });

  it("killed just before storing: throws, and nothing is stored, the communiqué still SIGNING", async () => {
    await recordSignatureRow(communiqueId, signatories[7]!, hash);
    let reached = false;
    await expect(
      finaliseCommunique(communiqueId, {
        beforeStore: async () => {
          reached = true;
          throw new Error("killed");
        },
      }),
    ).rejects.toThrow("killed");
    expect(reached).toBe(true);
    expect(await outcomeOf(communiqueId)).toEqual({ status: "SIGNING", finals: 0, signedEvents: 0, signedMails: 0 });
  });

  it("run again: exactly one final document, SIGNED, announced once", async () => {
    const result = await finaliseCommunique(communiqueId);
    expect(result.created).toBe(true);
    const rows = await finals(communiqueId);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.sha256).toBe(result.sha256);
    expect(sha256(new Uint8Array(rows[0]!.pdf))).toBe(result.sha256);
    stored = result.sha256;
    const after = await outcomeOf(communiqueId);
    expect(after).toMatchObject({ status: "SIGNED", finals: 1, signedEvents: 1 });
    expect(after.signedMails).toBeGreaterThan(0);
  });

  it("a third run finds the document and changes nothing ({ created: false })", async () => {
    const before = await outcomeOf(communiqueId);
    const result = await finaliseCommunique(communiqueId, {
      beforeStore: async () => {
        throw new Error("must not get this far");
      },
    });
    expect(result).toEqual({ created: false, sha256: stored });
    expect(await outcomeOf(communiqueId)).toEqual(before);
    expect((await finals(communiqueId))[0]!.sha256).toBe(stored);
  });
});

describe("finalisations at the same time", () => {
  it("two concurrent runs on a fully signed communiqué: one document, one audit event", async () => {
    const { communiqueId } = await fullySigned();
    const results = await Promise.all([finaliseCommunique(communiqueId), finaliseCommunique(communiqueId)]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(results[0]!.sha256).toBe(results[1]!.sha256);
    const rows = await finals(communiqueId);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.sha256).toBe(results[0]!.sha256);
    const after = await outcomeOf(communiqueId);
    expect(after).toMatchObject({ status: "SIGNED", finals: 1, signedEvents: 1 });
    const recipients = (await mailsOf(communiqueId, "communique-signed")).map((m) => m.to);
    expect(new Set(recipients).size).toBe(recipients.length);
  });

  it("the last two signatories sign at the same moment: one document, SIGNED", async () => {
    const c = await signingCommunique(as);
    for (const s of c.signatories.slice(0, 6)) await recordSignatureRow(c.communiqueId, s, c.hash);
    const [seventh, eighth] = c.signatories.slice(6);
    const results = await Promise.all(
      [seventh!, eighth!].map((s, n) => signAs(as[s.email]!, c.communiqueId, { signatoryId: s.id, hash: c.hash, ...mixedMethod(n) })),
    );
    expect(results.filter((r) => r.complete)).toHaveLength(1);
    expect(await outcomeOf(c.communiqueId)).toMatchObject({ status: "SIGNED", finals: 1, signedEvents: 1 });
  });
});

describe.skipIf(!process.env.DATABASE_URL)("a finalising process killed for real (PostgreSQL)", () => {
  it("another process, killed with SIGKILL while holding the lock, leaves nothing; a new run stores exactly one document", async () => {
    const { communiqueId } = await fullySigned({ throughUseCase: 3 });
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", "lib/testing/finalise-and-hang.ts", communiqueId], {
      cwd: root,
      env: process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the child did not get ready in time:\n${stdout}\n${stderr}`)), 60_000);
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        if (/^ready$/m.test(stdout)) {
          clearTimeout(timer);
          resolve();
        }
      });
      void exited.then(({ code }) => {
        clearTimeout(timer);
        reject(new Error(`the child exited (${code}) before it was ready:\n${stdout}\n${stderr}`));
      });
    });
    try {
      // The child holds the communiqué's lock with the sealed PDF in hand, not yet stored.
      expect(await outcomeOf(communiqueId)).toMatchObject({ status: "SIGNING", finals: 0 });
    } finally {
      child.kill("SIGKILL");
    }
    expect(await exited).toEqual({ code: null, signal: "SIGKILL" });
    expect(stdout).not.toMatch(/stored/);

    const result = await finaliseCommunique(communiqueId);
    expect(result.created).toBe(true);
    const rows = await finals(communiqueId);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.sha256).toBe(result.sha256);
    expect(await outcomeOf(communiqueId)).toMatchObject({ status: "SIGNED", finals: 1, signedEvents: 1 });
  });
});
