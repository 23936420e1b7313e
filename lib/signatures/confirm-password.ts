import type { Actor } from "@/lib/auth/actor";
import { checkPassword } from "@/lib/auth/password";
import { clearPairFailures, recordSignInFailure, signInBlockedFor } from "@/lib/auth/sign-in-limits";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

/** Wrong passwords at signing per account in an hour, from any address, before it must wait. */
export const SIGNING_PASSWORD_FAILURES_PER_HOUR = 10;
const HOUR = 60 * 60 * 1000;

/**
 * The password typed again at signing, limited like sign-in (per account and address), and
 * also per account alone: only someone holding the account's session can fail here, so this
 * limit cannot be turned against its owner by strangers, and a stolen session that changes
 * addresses still cannot guess without end.
 */
export async function confirmPassword(actor: Actor, password: string, ip: string): Promise<void> {
  const key = `signing-password:${actor.userId}`;
  const minutes = await signInBlockedFor(actor.email, ip);
  if (minutes > 0) throw new AppError("RATE_LIMITED", { minutes });
  const since = new Date(Date.now() - HOUR);
  const recent = await db.signInFailure.findMany({ where: { key, createdAt: { gt: since } }, orderBy: { createdAt: "asc" }, select: { createdAt: true } });
  if (recent.length >= SIGNING_PASSWORD_FAILURES_PER_HOUR) {
    const oldest = recent[recent.length - SIGNING_PASSWORD_FAILURES_PER_HOUR]!.createdAt.getTime();
    throw new AppError("RATE_LIMITED", { minutes: Math.max(1, Math.ceil((oldest + HOUR - Date.now()) / 60_000)) });
  }
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordHash: true } });
  if (user.passwordHash === null) throw new AppError("NO_PASSWORD");
  if (!(await checkPassword(password, user.passwordHash))) {
    await recordSignInFailure(actor.email, ip);
    await db.signInFailure.create({ data: { key } });
    throw new AppError("WRONG_PASSWORD");
  }
  await clearPairFailures(actor.email, ip);
}
