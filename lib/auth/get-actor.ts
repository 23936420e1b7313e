import { cache } from "react";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import type { Actor } from "./actor";
import { auth } from "./config";
import { signInPath } from "./return-path";

/**
 * The signed-in user of this request, read fresh from the database (a deactivated account
 * stops working at once, on every instance), or null. Nothing else decides who is signed in.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user || !user.active) return null;
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    locale: user.locale,
    personId: user.personId,
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
