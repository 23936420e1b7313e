import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { db, type TokenKind, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

export type { TokenKind };

/** How long each kind of e-mailed secret lives. */
export const TOKEN_LIFETIME_MS: Record<TokenKind, number> = {
  INVITATION: 7 * 24 * 60 * 60 * 1000,
  PASSWORD_RESET: 60 * 60 * 1000,
  SIGN_IN_LINK: 72 * 60 * 60 * 1000,
  SIGNING_CODE: 10 * 60 * 1000,
};

// A link's token is "<row id>.<secret>": the id finds the row, the secret is compared with its
// hash in constant time. 32 random bytes: unguessable, so a plain SHA-256 is enough to store.
const LINK_TOKEN = /^([a-z0-9]{20,32})\.([A-Za-z0-9_-]{43})$/;

function hashSecret(tokenId: string, secret: string): string {
  // The row id salts the hash: a six-digit code hashes differently in every row.
  return createHash("sha256").update(`${tokenId}:${secret}`).digest("hex");
}

export function secretMatches(tokenId: string, secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(tokenId, secret), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}

export interface IssueTokenInput {
  kind: TokenKind;
  userId: string;
  communiqueId?: string | null;
  path?: string | null;
  createdById?: string | null;
  now?: Date;
}

async function createToken(tx: Tx, input: IssueTokenInput, secret: (id: string) => string) {
  const now = input.now ?? new Date();
  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MS[input.kind]);
  const row = await tx.accessToken.create({
    data: {
      kind: input.kind,
      userId: input.userId,
      communiqueId: input.communiqueId ?? null,
      path: input.path ?? null,
      createdById: input.createdById ?? null,
      createdAt: now,
      expiresAt,
      secretHash: "",
    },
    select: { id: true },
  });
  const value = secret(row.id);
  await tx.accessToken.update({ where: { id: row.id }, data: { secretHash: hashSecret(row.id, value) } });
  return { id: row.id, secret: value, expiresAt };
}

/** A new link token, inside the caller's transaction; the returned string goes into the mail only. */
export async function issueLinkToken(tx: Tx, input: IssueTokenInput): Promise<{ id: string; token: string; expiresAt: Date }> {
  const { id, secret, expiresAt } = await createToken(tx, input, () => randomBytes(32).toString("base64url"));
  return { id, token: `${id}.${secret}`, expiresAt };
}

/** A new six-digit code (signing confirmation). */
export async function issueCode(tx: Tx, input: IssueTokenInput): Promise<{ id: string; code: string; expiresAt: Date }> {
  const { id, secret, expiresAt } = await createToken(tx, input, () => String(randomInt(0, 1_000_000)).padStart(6, "0"));
  return { id, code: secret, expiresAt };
}

export type TokenRow = NonNullable<Awaited<ReturnType<typeof findRow>>>;

function findRow(id: string, client: Tx | typeof db = db) {
  return client.accessToken.findUnique({
    where: { id },
    include: { user: { select: { id: true, email: true, displayName: true, locale: true, active: true, role: true } } },
  });
}

/** The reason a token cannot be used now, or null when it can. */
export function tokenProblem(row: Pick<TokenRow, "usedAt" | "revokedAt" | "expiresAt">, now = new Date()) {
  if (row.usedAt) return "TOKEN_USED" as const;
  if (row.revokedAt) return "TOKEN_REVOKED" as const;
  if (row.expiresAt <= now) return "TOKEN_EXPIRED" as const;
  return null;
}

/** As tokenProblem, and a link of a deactivated account is withdrawn too. */
export function linkProblem(row: Pick<TokenRow, "usedAt" | "revokedAt" | "expiresAt" | "user">, now = new Date()) {
  return tokenProblem(row, now) ?? (row.user.active ? null : ("TOKEN_REVOKED" as const));
}

/**
 * Finds the row of a link token of this kind whose secret matches, used or not (the page of a
 * used or expired link says so, and offers a fresh one). A malformed, unknown or tampered
 * token, or one of another kind, is TOKEN_INVALID.
 */
export async function findLinkToken(token: unknown, kind: TokenKind, client: Tx | typeof db = db): Promise<TokenRow> {
  const match = typeof token === "string" ? LINK_TOKEN.exec(token) : null;
  if (!match) throw new AppError("TOKEN_INVALID");
  const [, id, secret] = match as unknown as [string, string, string];
  const row = await findRow(id, client);
  if (!row || row.kind !== kind || !secretMatches(id, secret, row.secretHash)) throw new AppError("TOKEN_INVALID");
  return row;
}

/**
 * Uses a link token up, once: of two concurrent uses exactly one wins, the other gets
 * TOKEN_USED. Call it inside the transaction that does what the token allows.
 */
export async function consumeLinkToken(tx: Tx, token: unknown, kind: TokenKind, now = new Date()): Promise<TokenRow> {
  // Read through the transaction: the embedded database has one connection, which it holds.
  const row = await findLinkToken(token, kind, tx);
  const problem = tokenProblem(row, now);
  if (problem) throw new AppError(problem);
  const claimed = await tx.accessToken.updateMany({
    where: { id: row.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (claimed.count !== 1) throw new AppError("TOKEN_USED");
  return { ...row, usedAt: now };
}

/** Withdraws every unused token of this kind of a user (a new invitation replaces the old one). */
export async function revokeTokens(tx: Tx, where: { userId: string; kind: TokenKind; communiqueId?: string }, now = new Date()) {
  await tx.accessToken.updateMany({ where: { ...where, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
}
