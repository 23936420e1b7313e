import { db } from "@/lib/db";
import { AppError, isAppError, type ErrorCode } from "@/lib/errors/app-error";
import { sha256Hex } from "@/lib/hash/canonical";
import { BodyTooLargeError, readBoundedBody } from "@/lib/http/read-bounded-body";
import { isSameOrigin } from "@/lib/http/same-origin";
import { slidingWindowLimiter } from "@/lib/rate-limit/sliding-window";
import { getSealCertificate } from "@/lib/seal/seal-certificate";
import { verifySeal } from "@/lib/seal/verify-seal";
import type { CommuniqueContent } from "@/lib/communique/content";
import { fromRoman } from "@/lib/communique/roman";
import type { RevisionPayload } from "@/lib/revisions/revision-payload";

/** The line naming the meeting, as printed under the title. */
function meetingLine(content: CommuniqueContent) {
  const block = content.blocks.find((b) => b.kind === "meetingLine");
  return block && block.kind !== "participants" ? block.text : content.shortTitle;
}

/** The largest upload the public check accepts (a sealed communiqué with many pages and images). */
export const MAX_VERIFY_BYTES = 20 * 1024 * 1024;

/**
 * Public check of a PDF: is it byte for byte a signed communiqué on record (which meeting,
 * when, who signed), and is its embedded seal valid over the whole file?
 */
export async function verifyDocument(bytes: Uint8Array) {
  if (bytes.length === 0 || bytes.length > MAX_VERIFY_BYTES) throw new AppError("NOT_A_PDF");
  if (Buffer.from(bytes.subarray(0, 5)).toString("latin1") !== "%PDF-") throw new AppError("NOT_A_PDF");
  const sha256 = sha256Hex(bytes);
  const record = await db.finalDocument.findUnique({
    where: { sha256 },
    select: {
      createdAt: true,
      sealFingerprint: true,
      revision: {
        select: {
          number: true,
          content: true,
          communique: { select: { signingRound: true } },
          signatures: { orderBy: { signedAt: "asc" }, select: { signedAt: true, signatoryId: true, round: true, withdrawnAt: true } },
        },
      },
    },
  });
  const seal = await verifySeal(bytes);
  // Anyone can make a certificate with the association's name: only ours counts.
  const ours = record?.sealFingerprint ?? (await getSealCertificate()).fingerprintSha256;
  const sealOurs = seal.valid && seal.certificateFingerprintSha256 === ours;
  // Described as it was signed: from the frozen revision, never from today's meeting and people.
  const content = record ? (record.revision.content as unknown as RevisionPayload).content : null;
  const names = new Map(content?.signatories.map((s) => [s.id, s.name]) ?? []);
  return {
    sha256,
    genuine: Boolean(record),
    meeting: content ? { ordinal: content.meeting.ordinal, number: fromRoman(content.meeting.ordinal), line: meetingLine(content) } : null,
    signedOn: record?.createdAt ?? null,
    // The signatures the sealed file was made from: the last signing round's, none withdrawn.
    signers: record?.revision.signatures.filter((s) => s.round === record.revision.communique.signingRound && !s.withdrawnAt).flatMap((s) => {
      // Signature blocks are keyed "signatory-<row id>" in the content (see draft-sources).
      const name = names.get(`signatory-${s.signatoryId}`);
      return name ? [{ name, at: s.signedAt }] : [];
    }) ?? [],
    // `valid`: a seal of this association, intact; `intact`: a signature whatever its maker, intact;
    // `checked`: false when the file was too costly to check (then the other fields say nothing).
    seal: {
      checked: seal.checked,
      signed: seal.signed,
      valid: sealOurs,
      intact: seal.valid,
      coversWholeDocument: seal.coversWholeDocument,
      certificateTrusted: seal.certificateTrusted,
    },
  };
}

export type VerifyReport = Awaited<ReturnType<typeof verifyDocument>>;

/** The report as JSON for the page: dates as ISO strings. */
export function reportJson(report: VerifyReport) {
  return {
    ...report,
    signedOn: report.signedOn?.toISOString() ?? null,
    signers: report.signers.map((s) => ({ ...s, at: s.at.toISOString() })),
  };
}

export type VerifyReportJson = ReturnType<typeof reportJson>;

/** Uploads per client address and window: enough for a person, too few to keep a server busy. */
export const VERIFY_UPLOADS_PER_WINDOW = 10;
export const VERIFY_WINDOW_MS = 5 * 60 * 1000;

const limiter = slidingWindowLimiter({ limit: VERIFY_UPLOADS_PER_WINDOW, windowMs: VERIFY_WINDOW_MS });

/** Codes of the verify page's own messages (verify.<code>), next to the shared errors.<CODE>. */
export type VerifyProblem = "tooLarge";

export type VerifyUploadResult =
  | { ok: true; data: VerifyReportJson }
  | { ok: false; code: ErrorCode | VerifyProblem; params: Record<string, string | number> };

/**
 * The public check of an uploaded PDF: refused from other sites' pages, limited per client
 * address, read up to MAX_VERIFY_BYTES as it streams in, then verified.
 */
export async function verifyUpload(request: Request, address: string): Promise<{ status: number; body: VerifyUploadResult }> {
  if (!isSameOrigin(request.headers)) return refusal(403, "FORBIDDEN");
  // Counted before the body is read: a refused upload costs the server nothing more.
  const wait = limiter.take(address);
  if (wait > 0) return refusal(429, "RATE_LIMITED", { seconds: wait });
  let bytes: Uint8Array;
  try {
    bytes = await readBoundedBody(request, MAX_VERIFY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return refusal(413, "tooLarge", { mb: MAX_VERIFY_BYTES / (1024 * 1024) });
    throw error;
  }
  try {
    return { status: 200, body: { ok: true, data: reportJson(await verifyDocument(bytes)) } };
  } catch (error) {
    if (isAppError(error)) return refusal(400, error.code, error.params);
    console.error("verify upload failed", error);
    return refusal(500, new AppError("INTERNAL").code);
  }
}

function refusal(status: number, code: ErrorCode | VerifyProblem, params: Record<string, string | number> = {}) {
  return { status, body: { ok: false as const, code, params } };
}
