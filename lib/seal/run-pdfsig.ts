import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { SignedRanges } from "./check-container";

export class PdfsigError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PdfsigError";
  }
}

export interface PdfsigSignature {
  commonName?: string;
  /** "Signing Time" as pdfsig prints it, in UTC (it runs with TZ=UTC). */
  signingTime?: string;
  /** e.g. "Signature is Valid.", "Digest Mismatch." */
  signatureValidation?: string;
  /** e.g. "Certificate is Trusted.", "Certificate issuer isn't Trusted." */
  certificateValidation?: string;
  /** Null when pdfsig did not print exactly two ranges. */
  ranges: SignedRanges | null;
  totalDocumentSigned: boolean;
}

export type PdfsigReport =
  | { kind: "signatures"; signatures: PdfsigSignature[] }
  | { kind: "unsigned" }
  | { kind: "unreadable"; message: string };

const TIMEOUT_MS = 20_000;
const MAX_OUTPUT = 1024 * 1024;

/** Runs poppler's pdfsig on the bytes (from a private temporary folder, removed after). */
type Env = Readonly<Record<string, string | undefined>>;

export async function runPdfsig(pdf: Uint8Array, env: Env = process.env): Promise<PdfsigReport> {
  const folder = await mkdtemp(path.join(tmpdir(), "seal-verify-"));
  try {
    const file = path.join(folder, "document.pdf");
    await writeFile(file, pdf, { mode: 0o600 });
    // -no-ocsp: uploaded PDFs carry certificates that name OCSP servers, and the server must
    // not contact addresses an uploader chooses (nor wait for them).
    const args = ["-no-ocsp"];
    const nssDir = env.SEAL_NSS_DIR?.trim();
    if (nssDir) args.push("-nssdir", nssDir);
    args.push(file);
    const { code, stdout, stderr } = await exec("pdfsig", args, {
      // Only what pdfsig needs: a child that parses uploads gets none of the app's secrets.
      PATH: env.PATH ?? "/usr/bin:/bin",
      HOME: env.HOME ?? folder,
      LC_ALL: "C",
      TZ: "UTC",
    });
    return parsePdfsigOutput(code, stdout, stderr);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

export function parsePdfsigOutput(code: number, stdout: string, stderr: string): PdfsigReport {
  if (/does not contain any signatures/.test(stdout)) return { kind: "unsigned" };
  const blocks = stdout.split(/^Signature #\d+:\s*$/m).slice(1);
  if (blocks.length === 0) {
    const message = (stderr.trim().split("\n").pop() ?? "").trim() || `pdfsig exited with code ${code}`;
    return { kind: "unreadable", message };
  }
  return { kind: "signatures", signatures: blocks.map(parseBlock) };
}

function parseBlock(block: string): PdfsigSignature {
  // The field name, printed first, comes from the PDF and could hold line breaks that fake
  // later lines; pdfsig's own lines follow it, so the last occurrence of a line wins.
  const fields = new Map<string, string>();
  let totalDocumentSigned = false;
  for (const line of block.split("\n")) {
    const item = /^\s+- (.*?)\s*$/.exec(line)?.[1];
    if (!item) continue;
    const coverage = /^(not )?total document signed$/i.exec(item);
    if (coverage) totalDocumentSigned = !coverage[1];
    const colon = item.indexOf(": ");
    if (colon > 0) fields.set(item.slice(0, colon), item.slice(colon + 2));
  }
  return {
    commonName: fields.get("Signer Certificate Common Name"),
    signingTime: fields.get("Signing Time"),
    signatureValidation: fields.get("Signature Validation"),
    certificateValidation: fields.get("Certificate Validation"),
    ranges: parseRanges(fields.get("Signed Ranges")),
    totalDocumentSigned,
  };
}

function parseRanges(text: string | undefined): SignedRanges | null {
  const match = /^\[(\d+) - (\d+)\], \[(\d+) - (\d+)\]$/.exec(text ?? "");
  if (!match) return null;
  const [a, b, c, d] = match.slice(1, 5).map(Number) as [number, number, number, number];
  return [
    [a, b],
    [c, d],
  ];
}

/** "Nov 22 2026 11:50:05" (UTC) as an ISO timestamp. */
export function pdfsigTimeToIso(text: string | undefined): string | undefined {
  const match = /^([A-Z][a-z]{2}) (\d{1,2}) (\d{4}) (\d{2}):(\d{2}):(\d{2})$/.exec(text?.trim() ?? "");
  if (!match) return undefined;
  const month = "JanFebMarAprMayJunJulAugSepOctNovDec".indexOf(match[1] ?? "") / 3;
  if (!Number.isInteger(month) || month < 0) return undefined;
  const [year, day, hour, minute, second] = [match[3], match[2], match[4], match[5], match[6]].map(Number) as number[];
  return new Date(Date.UTC(year!, month, day!, hour!, minute!, second!)).toISOString();
}

function exec(file: string, args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      // (Next's typings make NODE_ENV mandatory in ProcessEnv; the child does not need it.)
      { env: env as NodeJS.ProcessEnv, timeout: TIMEOUT_MS, killSignal: "SIGKILL", maxBuffer: MAX_OUTPUT, encoding: "utf8", windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) return resolve({ code: 0, stdout, stderr });
        const failure = error as NodeJS.ErrnoException & { code?: string | number; killed?: boolean; signal?: string | null };
        if (failure.code === "ENOENT") {
          return reject(new PdfsigError("pdfsig is not installed (it comes with poppler-utils); seals cannot be verified", { cause: error }));
        }
        if (failure.killed || failure.signal) {
          return reject(new PdfsigError(`pdfsig did not finish within ${TIMEOUT_MS / 1000} s`, { cause: error }));
        }
        if (failure.code === "ERR_CHILD_PROCESS_STDIO_MAXBUFFER") {
          return reject(new PdfsigError("pdfsig printed more than expected", { cause: error }));
        }
        // A non-zero exit is an answer (no signatures, unreadable file), not a failure.
        if (typeof failure.code === "number") return resolve({ code: failure.code, stdout, stderr });
        reject(new PdfsigError(`pdfsig failed: ${error.message}`, { cause: error }));
      },
    );
  });
}
