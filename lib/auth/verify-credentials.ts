import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { burnPasswordCheck, checkPassword } from "./password";
import { clearAccountFailures, recordSignInFailure, signInBlockedFor } from "./sign-in-limits";

const credentials = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

/**
 * Checks an e-mail and password. Refuses with RATE_LIMITED before looking at the password
 * once the account or the address has too many recent failures.
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
  await clearAccountFailures(email);
  return { userId: user.id };
}
