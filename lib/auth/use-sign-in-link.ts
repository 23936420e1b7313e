import { recordEvent } from "@/lib/audit/record-event";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { consumeLinkToken } from "./access-tokens";
import type { SessionContext, SignedIn } from "./session-context";
import { startSession } from "./sessions";

/**
 * Signs the recipient of a workflow e-mail in from its personal link: once, before it expires,
 * into a session that may read and decide on that communiqué only.
 */
export async function useSignInLink(token: unknown, context: SessionContext): Promise<SignedIn & { path: string }> {
  return db.$transaction(async (tx) => {
    const row = await consumeLinkToken(tx, token, "SIGN_IN_LINK");
    if (!row.user.active || !row.communiqueId || !row.path) throw new AppError("TOKEN_INVALID");
    const session = await startSession(tx, { userId: row.userId, method: "LINK", communiqueId: row.communiqueId, ...context });
    await recordEvent(tx, {
      actorUserId: row.userId,
      action: "session.link_used",
      subjectType: "Communique",
      subjectId: row.communiqueId,
      data: { token: row.id, session: session.id, ip: context.ip.slice(0, 100) },
    });
    return { userId: row.userId, sessionId: session.id, path: row.path };
  });
}
