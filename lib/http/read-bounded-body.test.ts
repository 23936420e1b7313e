import { describe, expect, it } from "vitest";
import { BodyTooLargeError, readBoundedBody } from "./read-bounded-body";

/** A request whose body arrives in chunks, and which records how many were pulled. */
function streamed(chunks: number[], headers: Record<string, string> = {}) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const size = chunks[pulled++];
      if (size === undefined) controller.close();
      else controller.enqueue(new Uint8Array(size).fill(pulled));
    },
  });
  const request = new Request("http://localhost/verify/check", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { request, pulled: () => pulled };
}

describe("readBoundedBody", () => {
  it("reads a body in chunks up to the limit", async () => {
    const { request } = streamed([100_000, 100_000, 50_000]);
    const bytes = await readBoundedBody(request, 250_000);
    expect(bytes.length).toBe(250_000);
    expect([bytes[0], bytes[100_000], bytes[249_999]]).toEqual([1, 2, 3]);
  });

  it("stops reading as soon as the body passes the limit", async () => {
    const { request, pulled } = streamed([600, 600, 600, 600, 600]);
    await expect(readBoundedBody(request, 1000)).rejects.toThrow(BodyTooLargeError);
    expect(pulled()).toBeLessThanOrEqual(3);
  });

  it("refuses a declared Content-Length over the limit without reading", async () => {
    const { request, pulled } = streamed([10], { "content-length": "5000" });
    await expect(readBoundedBody(request, 1000)).rejects.toThrow(BodyTooLargeError);
    expect(pulled()).toBeLessThanOrEqual(1);
  });
});
