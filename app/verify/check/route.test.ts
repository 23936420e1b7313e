import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sealPdf } from "@/lib/seal/seal-pdf";
import { makeLoopingFieldTreePdf, makePdf } from "@/lib/seal/test-support";
import { MAX_VERIFY_BYTES, VERIFY_UPLOADS_PER_WINDOW, type VerifyUploadResult } from "@/lib/signatures/verify-document";
import { useTestDatabase } from "@/lib/testing/test-db";
import { POST } from "./route";

useTestDatabase();

const BASE = "http://localhost:3000";
let address = 0;
/** Each test from client addresses of its own: uploads are limited per address. */
const nextAddress = () => `192.0.2.${++address}`;

function upload(body: BodyInit | null, from: string, headers: Record<string, string> = {}) {
  return POST(
    new Request(`${BASE}/verify/check`, {
      method: "POST",
      body,
      headers: { "content-type": "application/pdf", origin: BASE, host: "localhost:3000", "x-forwarded-for": from, ...headers },
      duplex: "half",
    } as RequestInit),
  );
}

async function answer(response: Response) {
  return { status: response.status, body: (await response.json()) as VerifyUploadResult };
}

let large: Uint8Array;
beforeAll(async () => {
  vi.spyOn(console, "info").mockImplementation(() => {});
  large = await sealPdf(await makePdf({ pages: 2, paddingBytes: 1_200_000 }), { reason: "test", location: "Niigata", name: "test" });
});
afterAll(() => {
  vi.restoreAllMocks();
});

describe("POST /verify/check", () => {
  it("verifies a sealed PDF over 1 MB: a valid seal of ours, not on record", async () => {
    expect(large.length).toBeGreaterThan(1024 * 1024);
    const { status, body } = await answer(await upload(new Uint8Array(large), nextAddress()));
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, data: { genuine: false, seal: { checked: true, signed: true, valid: true, coversWholeDocument: true } } });
  });

  it("answers at once for a PDF whose form field tree loops: signed, not a valid seal", async () => {
    const started = performance.now();
    const { status, body } = await answer(await upload(new Uint8Array(makeLoopingFieldTreePdf()), nextAddress()));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, data: { seal: { checked: true, signed: true, valid: false } } });
  });

  it("30 uploads at once from one address: the first ones are checked, the rest refused, and the server stays responsive", async () => {
    const from = nextAddress();
    // The event loop's worst delay while the uploads run: what every other page would wait.
    let worstLag = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      worstLag = Math.max(worstLag, now - last - 10);
      last = now;
    }, 10);
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: 30 }, () => upload(new Uint8Array(large), from).then(answer)));
    const elapsed = performance.now() - started;
    clearInterval(timer);

    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(VERIFY_UPLOADS_PER_WINDOW);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - VERIFY_UPLOADS_PER_WINDOW);
    expect(answers.find((a) => a.status === 429)?.body).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(elapsed).toBeLessThan(10_000);
    expect(worstLag).toBeLessThan(1_000);
    // Another address is not held up by the first one's limit.
    expect((await upload(new Uint8Array(large), nextAddress())).status).toBe(200);
  });

  it("refuses a body over the limit, declared or streamed, as too large", async () => {
    const declared = await answer(await upload(new Uint8Array(10), nextAddress(), { "content-length": String(MAX_VERIFY_BYTES + 1) }));
    expect(declared).toEqual({ status: 413, body: { ok: false, code: "tooLarge", params: { mb: 20 } } });
    const chunk = new Uint8Array(1024 * 1024);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent++;
        controller.enqueue(chunk);
      },
    });
    const streamed = await answer(await upload(endless, nextAddress()));
    expect(streamed).toMatchObject({ status: 413, body: { code: "tooLarge" } });
    expect(sent).toBeLessThan(MAX_VERIFY_BYTES / chunk.length + 3);
  });

  it("answers NOT_A_PDF for other files and FORBIDDEN for another site's page", async () => {
    expect(await answer(await upload(new TextEncoder().encode("hello"), nextAddress()))).toMatchObject({ status: 400, body: { code: "NOT_A_PDF" } });
    expect(await answer(await upload(new Uint8Array(large), nextAddress(), { origin: "https://elsewhere.example" }))).toMatchObject({
      status: 403,
      body: { code: "FORBIDDEN" },
    });
  });
});
