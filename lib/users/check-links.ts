import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

/** The account's e-mail and person must be free, and the person must exist. */
export async function assertFreeLinks(fields: { email?: string; personId: string | null }, exceptUserId?: string) {
  const notSelf = exceptUserId ? { NOT: { id: exceptUserId } } : {};
  if (fields.email && (await db.user.findFirst({ where: { email: fields.email, ...notSelf }, select: { id: true } }))) {
    throw new AppError("VALIDATION", {}, { email: "emailTaken" });
  }
  if (!fields.personId) return;
  if (!(await db.person.findUnique({ where: { id: fields.personId }, select: { id: true } }))) {
    throw new AppError("VALIDATION", {}, { personId: "invalid" });
  }
  if (await db.user.findFirst({ where: { personId: fields.personId, ...notSelf }, select: { id: true } })) {
    throw new AppError("VALIDATION", {}, { personId: "personTaken" });
  }
}

/** Two admins saving at once can still collide on a unique key: report it as the same field error. */
export function uniqueViolationAsFieldError(error: unknown): never {
  const known = error as Prisma.PrismaClientKnownRequestError;
  if (known?.code === "P2002") {
    const target = JSON.stringify(known.meta ?? {});
    throw new AppError("VALIDATION", {}, target.includes("personId") ? { personId: "personTaken" } : { email: "emailTaken" });
  }
  throw error;
}
