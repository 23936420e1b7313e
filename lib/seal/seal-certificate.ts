import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { config, type Env, type SealSource } from "@/lib/config";
import { db } from "@/lib/db";
import { fingerprintOf, openP12, SealCertificateError, subjectOf } from "./open-p12";
import { createSelfSignedSeal } from "./self-signed-seal";

export { SealCertificateError };

export interface SealCertificate {
  /** PKCS#12 DER with the key and its certificate (and chain, if configured so). */
  p12: Buffer;
  passphrase: string;
  /** e.g. "CN=Association of Mayors — Communiqué seal, O=…" */
  subject: string;
  selfSigned: boolean;
  /** SHA-256 of the signing certificate's DER, lowercase hex. */
  fingerprintSha256: string;
}

export const SEAL_P12_SECRET = "seal.p12";
export const SEAL_PASSPHRASE_SECRET = "seal.passphrase";

// Per process: opening a PKCS#12 file and reading the database once is enough.
const cache = new Map<string, Promise<SealCertificate>>();

/**
 * The certificate that seals final communiqués: the PKCS#12 file from configuration
 * (SEAL_P12_PATH or SEAL_P12_BASE64, with SEAL_P12_PASSPHRASE) or, with none configured,
 * the association's self-signed certificate, created once and shared by every instance
 * through the database.
 *
 * Call it once when the app starts, so that the certificate exists (and its creation is
 * announced) before anyone signs. On the embedded database, a first call must not happen
 * inside an open interactive transaction: PGlite has one connection, so the call would wait
 * for the transaction, which waits for the call. Later calls are served from memory.
 */
export async function getSealCertificate(env?: Env): Promise<SealCertificate> {
  const { seal } = config(env);
  const configured = seal && configuredSource(seal);
  const key = configured ? `config:${configured.id}` : "self-signed";
  let pending = cache.get(key);
  if (!pending) {
    pending = configured ? loadConfigured(configured) : loadOrCreateSelfSignedSeal();
    // A failure is not kept: the next call tries again (e.g. once the database is back).
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
  }
  return pending;
}

/** Forgets what this process loaded; for tests and after a certificate is replaced. */
export function forgetSealCertificate(): void {
  cache.clear();
}

interface ConfiguredSource {
  id: string;
  description: string;
  read: () => Promise<Buffer>;
  passphrase: string;
}

// Already checked by the configuration: one source, with a passphrase, and base64 that is base64.
function configuredSource(seal: SealSource): ConfiguredSource {
  // The id only tells cache entries apart; hashing keeps the passphrase out of the key.
  const id = createHash("sha256").update(JSON.stringify(seal)).digest("hex");
  const { passphrase } = seal;
  if (seal.kind === "path") {
    const { path } = seal;
    return {
      id,
      passphrase,
      description: `SEAL_P12_PATH=${path}`,
      read: async () => {
        try {
          return await readFile(path);
        } catch (error) {
          throw new SealCertificateError(`Cannot read SEAL_P12_PATH (${path}): ${(error as Error).message}`, { cause: error });
        }
      },
    };
  }
  return { id, passphrase, description: "SEAL_P12_BASE64", read: async () => Buffer.from(seal.base64, "base64") };
}

async function loadConfigured(source: ConfiguredSource): Promise<SealCertificate> {
  const p12 = await source.read();
  return describe(p12, source.passphrase, source.description, false);
}

/**
 * The stored self-signed certificate, created first if there is none. Not cached: use
 * getSealCertificate(); exported so that tests can race two "instances".
 */
export async function loadOrCreateSelfSignedSeal(): Promise<SealCertificate> {
  const stored = await readStored();
  if (stored) return describe(stored.p12, stored.passphrase, "stored self-signed certificate", true);

  // Both rows in one INSERT … ON CONFLICT DO NOTHING: when instances race, the first
  // statement to commit wins, the others insert nothing and read the winner's pair below.
  const fresh = createSelfSignedSeal();
  const { count } = await db.secret.createMany({
    data: [
      { key: SEAL_P12_SECRET, value: new Uint8Array(fresh.p12) },
      { key: SEAL_PASSPHRASE_SECRET, value: new Uint8Array(Buffer.from(fresh.passphrase, "utf8")) },
    ],
    skipDuplicates: true,
  });
  const winner = await readStored();
  if (!winner) throw new SealCertificateError("The seal certificate was stored but cannot be read back");
  const certificate = describe(winner.p12, winner.passphrase, "stored self-signed certificate", true);
  if (count > 0) {
    console.info(
      `seal: no SEAL_P12_PATH or SEAL_P12_BASE64 configured; created a self-signed certificate "${certificate.subject}" ` +
        `(SHA-256 ${certificate.fingerprintSha256}). Its seals show that a PDF is unchanged, but PDF readers will not know the issuer.`,
    );
  }
  return certificate;
}

async function readStored(): Promise<{ p12: Buffer; passphrase: string } | null> {
  const rows = await db.secret.findMany({ where: { key: { in: [SEAL_P12_SECRET, SEAL_PASSPHRASE_SECRET] } } });
  const p12 = rows.find((row) => row.key === SEAL_P12_SECRET)?.value;
  const passphrase = rows.find((row) => row.key === SEAL_PASSPHRASE_SECRET)?.value;
  if (!p12 && !passphrase) return null;
  if (!p12 || !passphrase) {
    // Never happens through this module (both rows are written together); refuse to guess.
    throw new SealCertificateError(
      `Only one of the secrets ${SEAL_P12_SECRET} and ${SEAL_PASSPHRASE_SECRET} is stored; delete it to create a new seal certificate`,
    );
  }
  return { p12: Buffer.from(p12), passphrase: Buffer.from(passphrase).toString("utf8") };
}

function describe(p12: Buffer, passphrase: string, source: string, selfSigned: boolean): SealCertificate {
  const { certificate } = openP12(p12, passphrase, source);
  return { p12, passphrase, subject: subjectOf(certificate), selfSigned, fingerprintSha256: fingerprintOf(certificate) };
}
