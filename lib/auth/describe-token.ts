import { db, type TokenKind } from "@/lib/db";
import { isAppError } from "@/lib/errors/app-error";
import { findLinkToken, linkProblem } from "./access-tokens";
import { maskEmail } from "./request-fresh-link";

export type TokenState = "ok" | "TOKEN_USED" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";

export type TokenDescription =
  | { state: "TOKEN_INVALID" }
  | {
      state: TokenState;
      userId: string;
      recipientName: string;
      maskedEmail: string;
      expiresAt: Date;
      /** Sign-in links: the page they open and the meeting it belongs to. */
      path: string | null;
      communiqueId: string | null;
      meetingOrdinal: string | null;
    };

/**
 * What the page of a mailed link shows before anything is used up: whose link it is, where it
 * leads, and whether it can still be used. Reading it changes nothing, so a mail scanner that
 * follows links does not spend them: only the button on the page does.
 */
export async function describeToken(token: string, kind: TokenKind): Promise<TokenDescription> {
  try {
    const row = await findLinkToken(token, kind);
    const communique = row.communiqueId
      ? await db.communique.findUnique({ where: { id: row.communiqueId }, select: { meeting: { select: { ordinal: true } } } })
      : null;
    const problem = linkProblem(row);
    return {
      state: problem ?? "ok",
      userId: row.userId,
      recipientName: row.user.displayName,
      maskedEmail: maskEmail(row.user.email),
      expiresAt: row.expiresAt,
      path: row.path,
      communiqueId: row.communiqueId,
      meetingOrdinal: communique?.meeting.ordinal ?? null,
    };
  } catch (error) {
    if (isAppError(error) && error.code === "TOKEN_INVALID") return { state: "TOKEN_INVALID" };
    throw error;
  }
}
