import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { burnPasswordCheck, checkPassword } from "./password";
import { clearPairFailures, recordSignInFailure, signInBlockedFor } from "./sign-in-limits";

const credentials = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

/**
 * Checks an e-mail and password. Refuses with RATE_LIMITED before looking at the password once
 * this address has failed too often, for this account or for all (see sign-in-limits); failures
 * from other addresses never stop the account's owner. An unknown e-mail, an account without a
 * password yet and a deactivated one are refused like a wrong password, after the same work.
 */
export async function verifyCredentials(input: unknown, ip: string): Promise<{ userId: string }> {
  const parsed = credentials.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_CREDENTIALS");
  const { email, password } = parsed.data;

  const minutes = await signInBlockedFor(email, ip);
  if (minutes > 0) throw new AppError("RATE_LIMITED", { minutes });

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, active: true, passwordHash: true },
  });
  const ok = user ? await checkPassword(password, user.passwordHash) : await burnPasswordCheck(password);
  if (!user || !ok || !user.active) {
    await recordSignInFailure(email, ip);
    throw new AppError("INVALID_CREDENTIALS");
  }
  await clearPairFailures(email, ip);
  return { userId: user.id };
}
