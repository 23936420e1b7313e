import { X509Certificate } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import forge from "node-forge";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { useTestDatabase } from "@/lib/testing/test-db";
import { openP12 } from "./open-p12";
import {
  forgetSealCertificate,
  getSealCertificate,
  loadOrCreateSelfSignedSeal,
  SEAL_P12_SECRET,
  SEAL_PASSPHRASE_SECRET,
  SealCertificateError,
} from "./seal-certificate";
import { makeP12 } from "./test-support";

useTestDatabase();

const SECRETS = { key: { in: [SEAL_P12_SECRET, SEAL_PASSPHRASE_SECRET] } };

let folder = "";
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "seal-cert-test-"));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
  // Leave no half-stored certificate behind for the files that share a PostgreSQL database.
  await db.secret.deleteMany({ where: SECRETS });
});

beforeEach(async () => {
  // On PostgreSQL the database outlives a test file: start every case without a certificate.
  await db.secret.deleteMany({ where: SECRETS });
  forgetSealCertificate();
  for (const name of ["SEAL_P12_PATH", "SEAL_P12_BASE64", "SEAL_P12_PASSPHRASE"]) vi.stubEnv(name, undefined);
  vi.spyOn(console, "info").mockImplementation(() => {});
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("self-signed seal certificate", () => {
  it("is created once, stored, announced, and reused with the same fingerprint", async () => {
    const first = await getSealCertificate();
    expect(first.selfSigned).toBe(true);
    expect(first.subject).toBe(
      "CN=Association of Mayors — Communiqué seal, " +
        "O=Association of Mayors of Siberian and Far Eastern Russian cities and Japanese West-coast cities",
    );
    expect(first.fingerprintSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(console.info).toHaveBeenCalledTimes(1);
    expect(vi.mocked(console.info).mock.calls[0]?.[0]).toContain("self-signed");

    const stored = await db.secret.findUniqueOrThrow({ where: { key: SEAL_P12_SECRET } });
    expect(Buffer.from(stored.value).equals(first.p12)).toBe(true);

    // Same process: the cache. A new process: the database.
    expect((await getSealCertificate()).fingerprintSha256).toBe(first.fingerprintSha256);
    forgetSealCertificate();
    const second = await getSealCertificate();
    expect(second.fingerprintSha256).toBe(first.fingerprintSha256);
    expect(second.passphrase).toBe(first.passphrase);
    expect(console.info).toHaveBeenCalledTimes(1);
    expect(await db.secret.count({ where: SECRETS })).toBe(2);
  });

  it("has the profile of a document seal: RSA 2048, SHA-256, 10 years, signing key usages", async () => {
    const seal = await getSealCertificate();
    const { certificate } = openP12(seal.p12, seal.passphrase, "test");
    expect(certificate.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    const years = (Date.parse(certificate.validTo) - Date.parse(certificate.validFrom)) / (365.25 * 86_400_000);
    expect(years).toBeGreaterThan(9.99);
    expect(years).toBeLessThan(10.01);
    expect(certificate.keyUsage).toEqual(expect.arrayContaining(["1.3.6.1.5.5.7.3.4", "1.3.6.1.5.5.7.3.36"]));

    const parsed = forge.pki.certificateFromAsn1(forge.asn1.fromDer(certificate.raw.toString("binary")));
    expect(parsed.siginfo.algorithmOid).toBe(forge.pki.oids.sha256WithRSAEncryption);
    expect(parsed.getExtension("keyUsage")).toMatchObject({ digitalSignature: true, nonRepudiation: true, keyCertSign: false });
    expect(certificate.verify(certificate.publicKey)).toBe(true);
  });

  it("ends up as one certificate when two instances create it at the same time", async () => {
    const [a, b] = await Promise.all([loadOrCreateSelfSignedSeal(), loadOrCreateSelfSignedSeal()]);
    expect(a.fingerprintSha256).toBe(b.fingerprintSha256);
    expect(await db.secret.count({ where: { key: SEAL_P12_SECRET } })).toBe(1);
    expect(await db.secret.count({ where: { key: SEAL_PASSPHRASE_SECRET } })).toBe(1);
    const stored = await db.secret.findUniqueOrThrow({ where: { key: SEAL_P12_SECRET } });
    expect(Buffer.from(stored.value).equals(a.p12)).toBe(true);
    // Only the winner says it created one.
    expect(console.info).toHaveBeenCalledTimes(1);
  });

  it("refuses a half-stored certificate instead of making a second one", async () => {
    await getSealCertificate();
    await db.secret.delete({ where: { key: SEAL_PASSPHRASE_SECRET } });
    forgetSealCertificate();
    await expect(getSealCertificate()).rejects.toThrow(/Only one of the secrets/);
  });
});

describe("configured seal certificate", () => {
  it("is used from SEAL_P12_PATH instead of the self-signed one", async () => {
    const { p12, leafDer } = makeP12("correct horse");
    const file = path.join(folder, "seal.p12");
    await writeFile(file, p12);
    vi.stubEnv("SEAL_P12_PATH", file);
    vi.stubEnv("SEAL_P12_PASSPHRASE", "correct horse");

    const seal = await getSealCertificate();
    expect(seal.selfSigned).toBe(false);
    expect(seal.subject).toBe("CN=Городская печать — 市の印, O=Test Seal Authority");
    expect(seal.fingerprintSha256).toBe(new X509Certificate(leafDer).fingerprint256.replaceAll(":", "").toLowerCase());
    expect(seal.p12.equals(p12)).toBe(true);
    // Nothing was created in the database.
    expect(await db.secret.count({ where: SECRETS })).toBe(0);
  });

  it("is used from SEAL_P12_BASE64", async () => {
    const { p12 } = makeP12("", { withCa: false });
    vi.stubEnv("SEAL_P12_BASE64", p12.toString("base64"));
    vi.stubEnv("SEAL_P12_PASSPHRASE", "");
    const seal = await getSealCertificate();
    expect(seal.selfSigned).toBe(false);
    expect(seal.p12.equals(p12)).toBe(true);
  });

  it("fails clearly with a wrong passphrase", async () => {
    const file = path.join(folder, "wrong.p12");
    await writeFile(file, makeP12("right").p12);
    vi.stubEnv("SEAL_P12_PATH", file);
    vi.stubEnv("SEAL_P12_PASSPHRASE", "wrong");
    const failure = getSealCertificate();
    await expect(failure).rejects.toThrow(SealCertificateError);
    await expect(failure).rejects.toThrow(/SEAL_P12_PATH=.*the passphrase is wrong/);
    // The failure is not cached: fixing the configuration is enough.
    vi.stubEnv("SEAL_P12_PASSPHRASE", "right");
    await expect(getSealCertificate()).resolves.toMatchObject({ selfSigned: false });
  });

  it("fails clearly without a key, without a passphrase, with two sources, or a missing file", async () => {
    vi.stubEnv("SEAL_P12_BASE64", makeP12("pw", { withKey: false }).p12.toString("base64"));
    vi.stubEnv("SEAL_P12_PASSPHRASE", "pw");
    await expect(getSealCertificate()).rejects.toThrow(/exactly one private key; it holds 0/);

    vi.stubEnv("SEAL_P12_PASSPHRASE", undefined);
    await expect(getSealCertificate()).rejects.toThrow(/SEAL_P12_PASSPHRASE is not set/);

    vi.stubEnv("SEAL_P12_PASSPHRASE", "pw");
    vi.stubEnv("SEAL_P12_PATH", path.join(folder, "missing.p12"));
    await expect(getSealCertificate()).rejects.toThrow(/not both/);

    vi.stubEnv("SEAL_P12_BASE64", undefined);
    await expect(getSealCertificate()).rejects.toThrow(/Cannot read SEAL_P12_PATH/);

    vi.stubEnv("SEAL_P12_PATH", undefined);
    vi.stubEnv("SEAL_P12_BASE64", "not a p12 at all!");
    await expect(getSealCertificate()).rejects.toThrow(/not base64/);
    vi.stubEnv("SEAL_P12_BASE64", Buffer.from("not a p12").toString("base64"));
    await expect(getSealCertificate()).rejects.toThrow(/not a readable PKCS#12 file/);
  });
});
