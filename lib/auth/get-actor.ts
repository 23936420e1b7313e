import { cache } from "react";
import { redirect } from "next/navigation";
import type { Actor } from "./actor";
import { auth } from "./config";
import { signInPath } from "./return-path";
import { liveSession } from "./sessions";

/**
 * The signed-in user of this request, read fresh from the database, or null. The cookie only
 * names a session row: a session that was ended (sign-out, password reset, "sign out
 * everywhere"), has passed its absolute or idle end, or belongs to a deactivated account signs
 * nobody in, on every instance. Nothing else decides who is signed in.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = (await auth()) as { sid?: string; user?: { id?: string } } | null;
  const sid = session?.sid;
  if (!sid || !session?.user?.id) return null;
  const live = await liveSession(sid);
  if (!live || live.userId !== session.user.id) return null;
  const { user } = live;
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    locale: user.locale,
    personId: user.personId,
    sessionId: live.id,
    ...(live.communiqueId ? { linkScope: live.communiqueId } : {}),
    hasPassword: live.hasPassword,
  };
});

/**
 * For pages: the actor, or a redirect to sign-in that comes back to `returnTo` (the page's own
 * path): a mayor who follows an e-mailed link lands on the page it pointed to.
 */
export async function requireActor(returnTo?: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(signInPath(returnTo));
  return actor;
}
