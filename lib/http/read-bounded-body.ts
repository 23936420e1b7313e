export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes`);
    this.name = "BodyTooLargeError";
  }
}

/**
 * The request body, read as it streams in, into one buffer of at most `limit` bytes. A
 * declared Content-Length over the limit is refused before reading; a body that turns out
 * longer is refused as soon as it passes the limit, and the rest is not read.
 */
export async function readBoundedBody(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError(limit);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  // Grown by doubling up to the limit, so a small upload takes little memory.
  let buffer = new Uint8Array(Math.min(limit, declared > 0 ? declared : 64 * 1024));
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return buffer.subarray(0, length);
    if (length + value.length > limit) {
      await reader.cancel();
      throw new BodyTooLargeError(limit);
    }
    if (length + value.length > buffer.length) {
      const grown = new Uint8Array(Math.min(limit, Math.max(buffer.length * 2, length + value.length)));
      grown.set(buffer.subarray(0, length));
      buffer = grown;
    }
    buffer.set(value, length);
    length += value.length;
  }
}
